/**
 * The demo province's cycle for next year, brought over the API to where the units draft: the cycle
 * started, the ministry's guidance recorded, the provincial plan (one row for xã Ia Dom) issued.
 * `npm start` runs it so a newcomer finds Ia Dom's plan in drafting in the browser; `npm run demo`
 * runs it before taking that plan on to the approver. Every step is skipped when already done.
 */
export const API = process.env.PLANCYCLE_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}/api`;
export const MAILBOX = process.env.PLANCYCLE_MAILBOX_URL ?? `http://127.0.0.1:${process.env.MAILBOX_PORT ?? 1080}/`;
export const IA_DOM = 'GL.DUCCO.IADOM';

export type Json = Record<string, unknown>;

export async function call(method: string, path: string, token: string | null, body?: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

export async function expectOk(method: string, path: string, token: string, body?: Json): Promise<Json> {
  const { status, body: answer } = await call(method, path, token, body);
  if (status >= 300) throw new Error(`${method} ${path} → ${status} ${answer.code}: ${answer.message}`);
  return answer;
}

export async function login(username: string): Promise<string> {
  const { body } = await call('POST', '/auth/login', null, { username, password: 'plancycle' });
  if (!body.accessToken) throw new Error(`Cannot log in as ${username}: is \`npm start\` running with its demo data?`);
  return body.accessToken as string;
}

export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

export async function prepareDemoCycle(): Promise<{ cycle: string; year: number }> {
  const [admin, coordinator, leader] = await Promise.all(['admin.gl', 'dieuphoi.gl', 'lanhdao.tinh'].map(login));
  const year = new Date().getFullYear() + 1;
  const cycle = `GL-${year}`;
  const provincial = `/cycles/${cycle}/provincial-plan`;
  const stageOf = async (path: string, token: string) => (await expectOk('GET', path, token)).plan as { stage: string; latestVersion: number };

  console.log(`Chu kỳ ${cycle}: bắt đầu, nhận văn bản hướng dẫn, ban hành kế hoạch của tỉnh…`);
  // Every unit that takes part by default: the dashboard shows a province, not a single commune.
  if ((await call('GET', `/cycles/${cycle}`, admin)).status === 404) await expectOk('POST', '/cycles', admin, { provinceCode: 'GL', year });
  const guidances = await call('GET', `/guidances?provinceCode=GL&planYear=${year}`, admin);
  if (Array.isArray(guidances.body) && guidances.body.length === 0) await expectOk('POST', '/guidances', admin, guidance(year));
  await until('the provincial plan', async () => (await call('GET', provincial, coordinator)).status === 200);
  for (let step = 0; step < 3; step += 1) {
    const { stage, latestVersion: version } = await stageOf(provincial, coordinator);
    if (stage === 'issued') break;
    if (stage === 'drafting') {
      await expectOk('PUT', `${provincial}/draft`, coordinator, { version, items: [borderRow(year)] });
      await expectOk('POST', `${provincial}/decisions`, coordinator, { action: 'submit', version });
    }
    if (stage === 'approval') await expectOk('POST', `${provincial}/decisions`, leader, { action: 'approve', version });
  }
  return { cycle, year };
}

function guidance(year: number): Json {
  return {
    provinceCode: 'GL',
    documentNumber: '4110/BTTTT-TTĐN',
    issuedOn: new Date().toISOString().slice(0, 10),
    issuer: 'Bộ Thông tin và Truyền thông',
    subject: `V/v hướng dẫn xây dựng kế hoạch công tác TTĐN năm ${year}`,
    planYear: year,
    focusTasks: [{ number: 1, title: 'Tuyên truyền biển, đảo, biên giới' }],
  };
}

/** The provincial plan's row that gives xã Ia Dom its part: the commune's plan should carry it out. */
function borderRow(year: number): Json {
  return {
    id: 'p-1',
    content: 'Tuyên truyền về biên giới, phân giới cắm mốc tại các xã biên giới',
    leadUnitCode: IA_DOM,
    coordinatingUnitCodes: ['GL.BDBP'],
    timeFrame: { kind: 'year', year },
    budget: null,
    focusTaskNumbers: [1],
    sourceItemId: null,
  };
}
