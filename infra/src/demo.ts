/**
 * `npm run demo`, beside a running `npm start`: takes xã Ia Dom's plan through the year's first steps
 * over the API (cycle, guidance, provincial plan issued, the commune's draft submitted, appraised),
 * until the approver's "Đề nghị phê duyệt" message is in the development mailbox. Approving it
 * from that message is left to the person watching: two clicks.
 */
const API = process.env.PLANCYCLE_API_URL ?? `http://127.0.0.1:${process.env.API_PORT ?? 3000}/api`;
const MAILBOX = process.env.PLANCYCLE_MAILBOX_URL ?? `http://127.0.0.1:${process.env.MAILBOX_PORT ?? 1080}/`;
const IA_DOM = 'GL.DUCCO.IADOM';

type Json = Record<string, unknown>;

async function call(method: string, path: string, token: string | null, body?: Json): Promise<{ status: number; body: Json }> {
  const response = await fetch(`${API}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body && JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Json };
}

async function expectOk(method: string, path: string, token: string, body?: Json): Promise<Json> {
  const { status, body: answer } = await call(method, path, token, body);
  if (status >= 300) throw new Error(`${method} ${path} → ${status} ${answer.code}: ${answer.message}`);
  return answer;
}

async function login(username: string): Promise<string> {
  const { body } = await call('POST', '/auth/login', null, { username, password: 'plancycle' });
  if (!body.accessToken) throw new Error(`Cannot log in as ${username}: is \`npm start\` running with its demo data?`);
  return body.accessToken as string;
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function main(): Promise<void> {
  const [admin, coordinator, leader, officer, appraiser, approver] = await Promise.all(
    ['admin.gl', 'dieuphoi.gl', 'lanhdao.tinh', 'canbo.iadom', 'thamdinh.ducco', 'pheduyet.ducco'].map(login),
  );
  const year = new Date().getFullYear() + 1;
  const cycle = `GL-${year}`;
  const provincial = `/cycles/${cycle}/provincial-plan`;
  const plan = `/cycles/${cycle}/units/${IA_DOM}/plan`;
  const stageOf = async (path: string, token: string) => (await expectOk('GET', path, token)).plan as { stage: string; latestVersion: number };

  // Each step is taken only if the plan is not past it yet, so the demo can run again on the same data.
  console.log(`Chu kỳ ${cycle}: bắt đầu, nhận văn bản hướng dẫn, ban hành kế hoạch của tỉnh…`);
  if ((await call('GET', `/cycles/${cycle}`, admin)).status === 404) {
    await expectOk('POST', '/cycles', admin, { provinceCode: 'GL', year, participatingUnitCodes: [IA_DOM] });
  }
  const guidances = await call('GET', `/guidances?provinceCode=GL&planYear=${year}`, admin);
  if (Array.isArray(guidances.body) && guidances.body.length === 0) await expectOk('POST', '/guidances', admin, guidance(year));
  await until('the provincial plan', async () => (await call('GET', provincial, coordinator)).status === 200);
  for (let step = 0; step < 3; step += 1) {
    const { stage, latestVersion: version } = await stageOf(provincial, coordinator);
    if (stage === 'issued') break;
    if (stage === 'drafting') await expectOk('POST', `${provincial}/decisions`, coordinator, { action: 'submit', version });
    if (stage === 'approval') await expectOk('POST', `${provincial}/decisions`, leader, { action: 'approve', version });
  }

  console.log('Xã Ia Dom soạn và trình kế hoạch; Phòng Văn hóa và Thông tin huyện Đức Cơ thẩm định…');
  await until('xã Ia Dom’s plan', async () => (await call('GET', plan, officer)).status === 200);
  for (let step = 0; step < 6; step += 1) {
    const { stage, latestVersion: version } = await stageOf(plan, officer);
    // Waiting for approval since an earlier run: its message went to a mailbox that restarted empty.
    // The approver sends it back, so this run brings a fresh version and a fresh message.
    if (stage === 'approval' && step === 0) {
      await expectOk('POST', `${plan}/decisions`, approver, { action: 'return', version, comments: 'Chạy lại demo: trình lại phiên bản mới.' });
      continue;
    }
    if (stage === 'approval') break;
    if (stage === 'issued') await expectOk('POST', `${plan}/decisions`, officer, { action: 'amend' }); // a new version to approve
    if (stage === 'drafting') {
      await expectOk('PUT', `${plan}/draft`, officer, { version, items: [borderConference(year)] });
      await expectOk('POST', `${plan}/decisions`, officer, { action: 'submit', version });
    }
    if (stage === 'appraisal') {
      await expectOk('POST', `${plan}/decisions`, appraiser, { action: 'appraise', version, opinion: 'agree', comments: 'Thống nhất nội dung và kinh phí.' });
    }
  }

  const waiting = await stageOf(plan, officer);
  if (waiting.stage !== 'approval') throw new Error(`Xã Ia Dom's plan is at ${waiting.stage}, not waiting for approval.`);
  // With SMTP_URL set there is no development mailbox to watch: the message went to the real relay.
  const mailboxRuns = await fetch(MAILBOX).then(
    () => true,
    () => false,
  );
  if (mailboxRuns) await until('the approver’s message in the development mailbox', async () => {
    const messages = (await (await fetch(new URL('messages.json', MAILBOX))).json().catch(() => [])) as Array<{ to: string[]; subject: string }>;
    return messages.some((m) => m.to.some((to) => to.startsWith('pheduyet.ducco@')) && m.subject.includes('Đề nghị phê duyệt') && m.subject.includes(`Ia Dom (phiên bản ${waiting.latestVersion})`));
  });
  console.log(
    [
      '',
      `Kế hoạch của xã Ia Dom đang chờ phê duyệt. Mở hộp thư phát triển: ${MAILBOX}`,
      '  1. thư "Đề nghị phê duyệt…" gửi pheduyet.ducco: bấm "Phê duyệt";',
      '  2. trên trang mở ra: bấm "Xác nhận phê duyệt và ban hành" → kế hoạch được ban hành, có số văn bản.',
      `Xem lại: GET ${API}${plan} (đăng nhập canbo.iadom).`,
    ].join('\n'),
  );
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

/** Seed 002's budget on a border conference of the kind seed 004 plans (3 sites, 750 delegates). */
function borderConference(year: number): Json {
  return {
    id: '1',
    content: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu',
    leadUnitCode: IA_DOM,
    coordinatingUnitCodes: ['GL.BDBP'],
    timeFrame: { kind: 'quarter', year, quarter: 2 },
    budget: 200_000_000,
    focusTaskNumbers: [1],
    sourceItemId: null,
  };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
