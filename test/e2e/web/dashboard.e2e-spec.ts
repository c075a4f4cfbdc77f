import { eventually } from '../../support/eventually';
import { recordGuidanceFor } from '../../support/guidance';
import { borderConferenceItem } from '../../support/plan-fixtures';
import { issueProvincialPlan } from '../../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../../support/stack';
import { signInToWeb, type WebSession } from '../../support/web';

// This file owns GL's years YEAR and YEAR + 1 on the shared Temporal server.
const YEAR = new Date().getFullYear() + 68;
const CYCLE = `GL-${YEAR}`;
const NEXT_CYCLE = `GL-${YEAR + 1}`;
const DASHBOARD = `/app/cycles/${CYCLE}`;
const IA_DOM = 'GL.DUCCO.IADOM';
const SLOW = { timeoutMs: 60_000, intervalMs: 250 };

interface Participant {
  unitCode: string;
  unitName: string;
}

/** The rows of the units' table, by unit code: stage and the text of the row. */
function unitRowsOf(page: string): Map<string, { stage: string; text: string }> {
  const rows = new Map<string, { stage: string; text: string }>();
  for (const match of page.matchAll(/<tr data-unit="([^"]+)" data-stage="([^"]+)">([\s\S]*?)<\/tr>/g)) {
    rows.set(match[1], { stage: match[2], text: match[3].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') });
  }
  return rows;
}

const statOf = (page: string, id: string) => Number(new RegExp(`id="${id}">(\\d+)<`).exec(page)?.[1]);
const chartDescription = (page: string, id: string) => new RegExp(`<desc id="${id}-desc">([^<]*)</desc>`).exec(page)?.[1] ?? '';

/** RFC 4180 as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted && char === '"' && text[index + 1] === '"') {
      cell += '"';
      index += 1;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (quoted || (char !== ',' && char !== '\n' && char !== '\r')) {
      cell += char;
    } else if (char === ',') {
      endCell();
    } else if (char === '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

describe('the cycle dashboard', () => {
  let stack: TestStack;
  let admin: string;
  let participants: Participant[];
  let coordinator: WebSession;

  beforeAll(async () => {
    stack = await startTestStack();
    admin = await stack.login('admin.gl');
    const started = await requestsAs(stack, admin).post('/api/cycles', { provinceCode: 'GL', year: YEAR }).expect(201);
    participants = started.body.units;
    await requestsAs(stack, admin).post('/api/cycles', { provinceCode: 'GL', year: YEAR + 1, participatingUnitCodes: ['GL.SNGV'] }).expect(201);
    coordinator = await signInToWeb(stack, 'dieuphoi.gl');
  }, 120_000);
  afterAll(async () => {
    for (const cycle of [CYCLE, NEXT_CYCLE]) await stack?.client.workflow.getHandle(`annual-cycle/${cycle}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  it('lists the province’s cycles newest year first, each linking to its dashboard', async () => {
    const list = (await coordinator.get('/app/cycles').expect(200)).text;

    expect(list).toContain(`href="${DASHBOARD}"`);
    expect(list.indexOf(`data-cycle="${NEXT_CYCLE}"`)).toBeLessThan(list.indexOf(`data-cycle="${CYCLE}"`));
    expect(list).toContain(`Kế hoạch năm ${YEAR}`);
    // Starting a cycle is the admin's: only the admin is offered it.
    expect(list).not.toContain('/app/admin/cycles/new');
    const adminList = (await (await signInToWeb(stack, 'admin.gl')).get('/app/cycles').expect(200)).text;
    expect(adminList).toContain('href="/app/admin/cycles/new"');
    expect(adminList).toContain('Bắt đầu chu kỳ mới');
  });

  it('reports every unit up once their workflows have started, and then stops showing the live block', async () => {
    const progress = await eventually(async () => {
      const body = (await coordinator.get(`${DASHBOARD}/progress.json`).expect(200).expect('content-type', /json/)).body;
      expect(body.unitsUp).toBe(body.expectedUnits);
      return body;
    }, SLOW);

    expect(progress).toEqual({ expectedUnits: participants.length, unitsUp: participants.length, stage: 'running' });
    const page = (await coordinator.get(DASHBOARD).expect(200)).text;
    expect(page).not.toContain('data-live-progress');
  });

  it('lists every participating unit with its plan stage, not open before the provincial plan', async () => {
    const page = (await coordinator.get(DASHBOARD).expect(200)).text;
    const rows = unitRowsOf(page);

    expect([...rows.keys()].sort()).toEqual(participants.map((unit) => unit.unitCode).sort());
    for (const unit of participants) {
      expect(rows.get(unit.unitCode)?.text).toContain(unit.unitName);
      expect(rows.get(unit.unitCode)?.stage).toBe('pending');
    }
    expect(rows.get(IA_DOM)?.text).toContain('Chưa mở');
    expect(page).toContain(`href="/app/cycles/${CYCLE}/units/${IA_DOM}/plan"`);
    expect([statOf(page, 'stat-units'), statOf(page, 'stat-issued')]).toEqual([participants.length, 0]);
    // The calendar's milestones, the units' deadline for the annual report among them.
    expect(page).toContain('Các mốc thời hạn');
    expect(page).toContain('Báo cáo năm');
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('shows a unit’s issued plan with its number, and the charts count it', async () => {
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    expect(await issueProvincialPlan(stack.client, stack.dataSource, CYCLE)).toBe('01/KH-UBND');
    const drafting = await eventually(async () => {
      const page = (await coordinator.get(DASHBOARD).expect(200)).text;
      expect([...unitRowsOf(page).values()].every((row) => row.stage === 'drafting')).toBe(true);
      return page;
    }, SLOW);
    expect(drafting).toContain('01/KH-UBND');
    expect(chartDescription(drafting, 'chart-stages')).toContain(`Đang soạn thảo: ${participants.length}`);

    const documentNumber = await issueIaDomPlan();

    const page = (await coordinator.get(DASHBOARD).expect(200)).text;
    const row = unitRowsOf(page).get(IA_DOM);
    expect(row?.stage).toBe('issued');
    expect(row?.text).toContain('Đã ban hành');
    expect(row?.text).toContain(documentNumber);
    expect(statOf(page, 'stat-issued')).toBe(1);
    expect(chartDescription(page, 'chart-stages')).toContain(`Đang soạn thảo: ${participants.length - 1}`);
    expect(chartDescription(page, 'chart-stages')).toContain('Đã ban hành: 1');
    const budget = chartDescription(page, 'chart-budget');
    expect(budget).toContain('Nhiệm vụ 1: Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại: 200.000.000 đ');
    expect(budget).toContain('Không gắn nhiệm vụ trọng tâm: 50.000.000 đ');
  }, 180_000);

  it('filters the table by plan stage', async () => {
    const page = (await coordinator.get(`${DASHBOARD}?stage=issued`).expect(200)).text;

    expect([...unitRowsOf(page).keys()]).toEqual([IA_DOM]);
    expect(page).toContain(`1 / ${participants.length} đơn vị`);
  });

  it('exports the table as CSV that Excel opens in Vietnamese: a BOM, a header, one line per unit', async () => {
    const response = await coordinator
      .get(`${DASHBOARD}/export.csv`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const bytes = response.body as Buffer;

    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="tinh-hinh-chu-ky-${CYCLE}.csv"`);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...lines] = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(header).toEqual(['Mã đơn vị', 'Đơn vị', 'Giai đoạn kế hoạch', 'Phiên bản', 'Số, ký hiệu', 'Ngày ban hành', 'Quý I', 'Quý II', 'Quý III', 'Quý IV', 'Báo cáo năm']);
    expect(lines.map((line) => [line[0], line[1]]).sort()).toEqual(participants.map((unit) => [unit.unitCode, unit.unitName]).sort());
    expect(lines.every((line) => line.length === header.length)).toBe(true);
    // A name with a comma stays one cell.
    expect(lines.find((line) => line[0] === 'GL.SVHTTDL')?.[1]).toBe('Sở Văn hóa, Thể thao và Du lịch');
    expect(lines.find((line) => line[0] === IA_DOM)?.slice(1, 3)).toEqual(['Ủy ban nhân dân xã Ia Dom', 'Đã ban hành']);
  });

  it('answers a user of another province as if the cycle did not exist', async () => {
    const outsider = await signInToWeb(stack, 'admin.dn');

    for (const path of [DASHBOARD, `${DASHBOARD}/progress.json`, `${DASHBOARD}/export.csv`]) {
      const response = await outsider.get(path);
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.text).not.toContain('Ia Dom');
    }
    expect((await outsider.get('/app/cycles').expect(200)).text).not.toContain(CYCLE);
  });

  it('speaks English when the reader switches to it', async () => {
    const english = await signInToWeb(stack, 'dieuphoi.gl', { locale: 'en' });
    const page = (await english.get(DASHBOARD).expect(200)).text;

    expect(page).toContain('<html lang="en">');
    for (const heading of [`${YEAR} cycle – Ủy ban nhân dân tỉnh Gia Lai`, '>Units<', '>Deadlines<', '>Charts<', 'Units by plan stage', 'Annual report']) {
      expect(page).toContain(heading);
    }
    expect(page).not.toContain('Các mốc thời hạn');
    expect((await english.get('/app/cycles').expect(200)).text).toContain('Plan cycles');
  });

  /** Ia Dom drafts two rows (one serving focus task 1), the district appraises and approves. */
  async function issueIaDomPlan(): Promise<string> {
    const as = async (username: string) => requestsAs(stack, await stack.login(username));
    const plan = `/api/cycles/${CYCLE}/units/${IA_DOM}/plan`;
    const officer = await as('canbo.iadom');
    await eventually(() => officer.get(plan).expect(200), SLOW);
    const items = [
      borderConferenceItem(YEAR, { focusTaskNumbers: [1] }),
      borderConferenceItem(YEAR, { id: 'item-2', content: 'Tuyên truyền trên loa truyền thanh xã', budget: 50_000_000 }),
    ];
    await officer.put(`${plan}/draft`, { version: 1, items }).expect(200);
    await officer.post(`${plan}/decisions`, { action: 'submit', version: 1 }).expect(200);
    await (await as('thamdinh.ducco')).post(`${plan}/decisions`, { action: 'appraise', version: 1, opinion: 'agree' }).expect(200);
    const issued = await (await as('pheduyet.ducco')).post(`${plan}/decisions`, { action: 'approve', version: 1 }).expect(200);
    return issued.body.documentNumber as string;
  }
});
