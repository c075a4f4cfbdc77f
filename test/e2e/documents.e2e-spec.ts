import ExcelJS from 'exceljs';
import { planItemsWorkbook, readPlanItemsWorkbook } from '@plancycle/documents';
import { OrgUnitRepository } from '@plancycle/persistence';
import { eventually } from '../support/eventually';
import { recordGuidanceFor } from '../support/guidance';
import { borderConferenceItem } from '../support/plan-fixtures';
import { issueProvincialPlan } from '../support/provincial-plan';
import { requestsAs, startTestStack, type TestStack } from '../support/stack';
import { binary, docxText } from '../support/downloads';
import { signInToWeb } from '../support/web';

// The Temporal server is shared by the whole run: this file owns GL's year YEAR.
const YEAR = new Date().getFullYear() + 61;
const CYCLE = `GL-${YEAR}`;
const IA_DOM = 'GL.DUCCO.IADOM';
const PLAN = `/api/cycles/${CYCLE}/units/${IA_DOM}/plan`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('plan items and report tables as Excel, and plan items imported from Excel', () => {
  let stack: TestStack;
  let units: Array<{ code: string; name: string }>;
  const as = (username: string, token: string) => requestsAs(stack, token);
  let officer: string;

  beforeAll(async () => {
    stack = await startTestStack();
    const admin = await stack.login('admin.gl');
    officer = await stack.login('canbo.iadom');
    await stack.http().post('/api/cycles').set('Authorization', `Bearer ${admin}`).send({ provinceCode: 'GL', year: YEAR, participatingUnitCodes: [IA_DOM] }).expect(201);
    await recordGuidanceFor(stack.client, stack.dataSource, 'GL', YEAR);
    await issueProvincialPlan(stack.client, stack.dataSource, CYCLE);
    await eventually(() => as('canbo.iadom', officer).get(PLAN).expect(200));
    units = (await new OrgUnitRepository(stack.dataSource).listProvinceUnits('GL')).map(({ code, name }) => ({ code, name }));
  });
  afterAll(async () => {
    await stack?.client.workflow.getHandle(`annual-cycle/${CYCLE}`).terminate('end of test').catch(() => undefined);
    await stack?.stop();
  });

  const items = [
    borderConferenceItem(YEAR, { id: '1' }),
    borderConferenceItem(YEAR, { id: '2', content: 'Phân công cán bộ phụ trách thông tin đối ngoại', budget: 15_000_000, timeFrame: { kind: 'regular' }, coordinatingUnitCodes: [], focusTaskNumbers: [] }),
  ];

  it('downloads a plan’s items as a workbook that reads back as the same rows', async () => {
    await as('canbo.iadom', officer).put(`${PLAN}/draft`, { version: 1, items }).expect(200);
    const response = await stack.http().get(`${PLAN}/items.xlsx`).set('Authorization', `Bearer ${officer}`).buffer(true).parse(binary).expect(200);
    expect(response.headers['content-type']).toBe(XLSX);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="ke-hoach-uy-ban-nhan-dan-xa-ia-dom-\d{4}-v1\.xlsx"$/);
    const read = await readPlanItemsWorkbook(response.body as Buffer, { cycleYear: YEAR, units });
    expect(read.problems).toEqual([]);
    expect(read.items.map(({ content, leadUnitCode, coordinatingUnitCodes, timeFrame, budget }) => ({ content, leadUnitCode, coordinatingUnitCodes, timeFrame, budget }))).toEqual(
      items.map(({ content, leadUnitCode, coordinatingUnitCodes, timeFrame, budget }) => ({ content, leadUnitCode, coordinatingUnitCodes, timeFrame, budget })),
    );
  });

  it('imports a sheet as the draft, all rows or none', async () => {
    const unitNames = new Map(units.map((unit) => [unit.code, unit.name]));
    const good = await planItemsWorkbook({ title: 'Phụ lục', unitName: 'xã Ia Dom', year: YEAR, items: [items[1]], unitNames });
    const imported = await stack.http().post(`${PLAN}/draft/import`).set('Authorization', `Bearer ${officer}`).field('version', '1').attach('file', good, 'ke-hoach.xlsx').expect(201);
    expect(imported.body.items).toHaveLength(1);
    expect(imported.body.items[0]).toMatchObject({ content: items[1].content, budget: 15_000_000 });

    // A sheet with one bad row among good ones: every problem named, nothing saved.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(good as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.worksheets[0];
    const header = sheet.getColumn(2).values.findIndex((value) => value === 'Nội dung');
    sheet.insertRow(header + 2, [2, 'Dòng sai', 'Đơn vị không có', '', `Quý V/${YEAR}`, '12abc']);
    const bad = Buffer.from(await book.xlsx.writeBuffer());
    const refused = await stack.http().post(`${PLAN}/draft/import`).set('Authorization', `Bearer ${officer}`).field('version', '1').attach('file', bad, 'sai.xlsx').expect(400);
    expect(refused.body.details.problems.map((problem: { code: string }) => problem.code)).toEqual(expect.arrayContaining(['XLSX_UNIT_UNKNOWN', 'XLSX_TIME_FRAME_INVALID', 'XLSX_BUDGET_INVALID']));
    expect(refused.body.message).toMatch(/chưa nhập dòng nào/);
    expect((await as('canbo.iadom', officer).get(PLAN)).body.versions[0].items).toHaveLength(1);

    const notExcel = await stack.http().post(`${PLAN}/draft/import`).set('Authorization', `Bearer ${officer}`).field('version', '1').attach('file', Buffer.from('không phải Excel'), 'x.xlsx').expect(400);
    expect(notExcel.body.code).toBe('XLSX_FILE_INVALID');
    const missing = await stack.http().post(`${PLAN}/draft/import`).set('Authorization', `Bearer ${officer}`).field('version', '1').expect(400);
    expect(missing.body.code).toBe('XLSX_FILE_MISSING');
  });

  it('lets the web page download the workbook and import one, with the session’s form token', async () => {
    const web = await signInToWeb(stack, 'canbo.iadom');
    const page = await web.get(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan`).expect(200);
    expect(page.text).toContain(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan/items.xlsx?version=1`);
    const file = await web.get(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan/items.xlsx?version=1`).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-type']).toBe(XLSX);

    const upload = (csrf: string | null) => {
      const request = stack.http().post(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan/draft/import`).set('Cookie', web.cookie);
      if (csrf) request.field('_csrf', csrf);
      return request.field('version', '1').attach('file', file.body as Buffer, 'ke-hoach.xlsx');
    };
    const reports = await web.get(`/app/cycles/${CYCLE}/reports.xlsx`).buffer(true).parse(binary).expect(200);
    expect(reports.headers['content-type']).toBe(XLSX);
    expect((await web.get(`/app/cycles/${CYCLE}/reports`).expect(200)).text).toContain(`/app/cycles/${CYCLE}/reports.xlsx`);

    await upload(null).expect(403);
    const done = await upload(web.csrf).expect(303);
    expect(done.headers.location).toContain('done=imported');
  });

  it('prints the draft with its number and day blank, and the issued plan with both, as DOCX and PDF', async () => {
    const draft = await stack.http().get(`${PLAN}/document/docx`).set('Authorization', `Bearer ${officer}`).buffer(true).parse(binary).expect(200);
    expect(draft.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const draftText = await docxText(draft.body as Buffer);
    expect(draftText).toMatch(/Số:\s+\/KH/);
    expect(draftText).toContain('KẾ HOẠCH');

    const version = (await as('canbo.iadom', officer).get(PLAN)).body.plan.latestVersion as number;
    await as('canbo.iadom', officer).post(`${PLAN}/decisions`, { action: 'submit', version }).expect(200);
    await as('thamdinh.ducco', await stack.login('thamdinh.ducco')).post(`${PLAN}/decisions`, { action: 'appraise', opinion: 'agree', version }).expect(200);
    const issued = await as('pheduyet.ducco', await stack.login('pheduyet.ducco')).post(`${PLAN}/decisions`, { action: 'approve', version }).expect(200);

    const docx = await stack.http().get(`${PLAN}/document/docx`).set('Authorization', `Bearer ${officer}`).buffer(true).parse(binary).expect(200);
    const text = await docxText(docx.body as Buffer);
    expect(text).toContain(`Số: ${issued.body.documentNumber}`);
    expect(text).toContain('Mười lăm triệu đồng');
    expect(text).toContain('Đỗ Văn Thành'); // the approver signs
    expect(text).toMatch(/Ia Dom, ngày \d{2} tháng \d{1,2} năm \d{4}/); // a commune writes its own place
    const pdf = await stack.http().get(`${PLAN}/document/pdf`).set('Authorization', `Bearer ${officer}`).buffer(true).parse(binary).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const web = await signInToWeb(stack, 'canbo.iadom');
    const page = await web.get(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan`).expect(200);
    expect(page.text).toContain(`/plan/document/docx?version=${version}`);
    await web.get(`/app/cycles/${CYCLE}/units/${IA_DOM}/plan/document/pdf?version=${version}`).buffer(true).parse(binary).expect(200);
    const odt = await stack.http().get(`${PLAN}/document/odt`).set('Authorization', `Bearer ${officer}`).expect(400);
    expect(odt.body.code).toBe('DOCUMENT_FORMAT_INVALID');
  });

  it('answers another province’s user as if the plan did not exist', async () => {
    const other = await stack.login('admin.dn');
    await stack.http().get(`${PLAN}/items.xlsx`).set('Authorization', `Bearer ${other}`).expect(404);
    await stack.http().get(`${PLAN}/document/pdf`).set('Authorization', `Bearer ${other}`).expect(404);
    await stack.http().get(`/api/cycles/${CYCLE}/reports.xlsx`).set('Authorization', `Bearer ${other}`).expect(404);
    const table = await stack.http().get(`/api/cycles/${CYCLE}/reports.xlsx`).set('Authorization', `Bearer ${officer}`).buffer(true).parse(binary).expect(200);
    expect(table.headers['content-type']).toBe(XLSX);
  });
});
