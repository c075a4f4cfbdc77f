import {
  aggregateAnnualReports,
  checkReportDecision,
  nextReportStage,
  provincialReportChain,
  reportLinesFor,
  unitReportChain,
  validateReportContent,
  type PlanItem,
  type ReportChain,
  type ReportContent,
  type ReportDecision,
  type ReportLine,
  type ReportStage,
  type RoleAssignment,
  type TimeFrame,
} from '..';

// Kiên Giang's Sở Ngoại vụ, 2021 (seed 000): a conference in Quý II, an anniversary in Tháng 7, regular work all year.
const item = (id: string, content: string, timeFrame: TimeFrame): PlanItem => ({
  id,
  content,
  leadUnitCode: 'KG.SNGV',
  coordinatingUnitCodes: [],
  timeFrame,
  budget: null,
  focusTaskNumbers: [],
  sourceItemId: null,
});
const items: PlanItem[] = [
  item('conference', 'Hội nghị thông tin đối ngoại khu vực biên giới tại 3 điểm', { kind: 'quarter', year: 2021, quarter: 2 }),
  item('anniversary', 'Kỷ niệm 45 năm quan hệ Việt Nam – Thái Lan', { kind: 'month', year: 2021, month: 7 }),
  item('regular', 'Cung cấp thông tin cho báo chí nước ngoài', { kind: 'regular' }),
  item('year', 'Cập nhật trang thông tin đối ngoại của tỉnh', { kind: 'year', year: 2021 }),
];

describe('report lines', () => {
  const idsIn = (quarter: 1 | 2 | 3 | 4 | null) => reportLinesFor(items, quarter).map((line) => line.itemId);

  it('lists a Quý II item in the second quarter only', () => {
    expect(idsIn(2)).toContain('conference');
    for (const quarter of [1, 3, 4] as const) expect(idsIn(quarter)).not.toContain('conference');
  });

  it('lists a Tháng 7 item in the third quarter only', () => {
    expect(idsIn(3)).toContain('anniversary');
    for (const quarter of [1, 2, 4] as const) expect(idsIn(quarter)).not.toContain('anniversary');
  });

  it('lists Thường xuyên and Trong năm items in every quarter', () => {
    for (const quarter of [1, 2, 3, 4] as const) expect(idsIn(quarter)).toEqual(expect.arrayContaining(['regular', 'year']));
    expect(idsIn(1)).toEqual(['regular', 'year']);
  });

  it('lists every item, in plan order, for an annual or ad-hoc report', () => {
    expect(idsIn(null)).toEqual(['conference', 'anniversary', 'regular', 'year']);
  });

  it('starts every line not started, with nothing achieved and no money spent', () => {
    expect(reportLinesFor(items, 2)[0]).toEqual({
      itemId: 'conference',
      content: 'Hội nghị thông tin đối ngoại khu vực biên giới tại 3 điểm',
      status: 'not_started',
      achieved: '',
      spent: null,
    });
  });
});

describe('report decisions', () => {
  const unit = unitReportChain('KG.SNGV');
  const provincial = provincialReportChain('KG', 'KG.STTTT');
  const officer: RoleAssignment[] = [{ role: 'officer', unitCode: 'KG.SNGV' }];
  const leader: RoleAssignment[] = [{ role: 'leader_in_charge', unitCode: 'KG.SNGV' }];
  const submit: ReportDecision = { action: 'submit' };
  const accept: ReportDecision = { action: 'accept' };
  const giveBack: ReportDecision = { action: 'return', reasons: 'Bổ sung số đại biểu dự hội nghị' };

  const refusal = (stage: ReportStage, decision: ReportDecision, actor: RoleAssignment[], chain: ReportChain = unit) => {
    try {
      checkReportDecision(stage, decision, actor, chain);
    } catch (error) {
      const { name, kind, code, message } = error as { name: string; kind: string; code: string; message: string };
      return { name, kind, code, message };
    }
    return null;
  };

  it('walks a unit report through one return to acceptance', () => {
    const steps: Array<[ReportDecision, RoleAssignment[]]> = [
      [submit, officer],
      [giveBack, leader],
      [submit, leader],
      [accept, leader],
    ];
    const stage = steps.reduce<ReportStage>((current, [decision, actor]) => {
      checkReportDecision(current, decision, actor, unit);
      return nextReportStage(current, decision);
    }, 'writing');
    expect(stage).toBe('accepted');
  });

  it('moves submit to review, accept to accepted and return back to writing', () => {
    expect(nextReportStage('writing', submit)).toBe('review');
    expect(nextReportStage('review', accept)).toBe('accepted');
    expect(nextReportStage('review', giveBack)).toBe('writing');
  });

  it('names the roles of each chain', () => {
    expect(unit).toEqual({ writerUnitCode: 'KG.SNGV', writerRoles: ['officer', 'leader_in_charge'], reviewerUnitCode: 'KG.SNGV', reviewerRoles: ['leader_in_charge'] });
    expect(provincial).toEqual({ writerUnitCode: 'KG.STTTT', writerRoles: ['officer', 'coordinator'], reviewerUnitCode: 'KG', reviewerRoles: ['approver'] });
  });

  it('refuses a decision out of its stage as a state conflict, in Vietnamese', () => {
    expect(refusal('review', submit, officer)).toEqual({ name: 'PlanDecisionRefused', kind: 'state', code: 'REPORT_STAGE_CONFLICT', message: expect.stringContaining('Chờ xem xét') });
    expect(refusal('writing', accept, leader)?.code).toBe('REPORT_STAGE_CONFLICT');
    expect(refusal('accepted', giveBack, leader)?.code).toBe('REPORT_STAGE_CONFLICT');
    expect(refusal('accepted', submit, officer)?.kind).toBe('state');
  });

  it('lets the officer submit a unit report but not accept or return it', () => {
    expect(refusal('writing', submit, officer)).toBeNull();
    expect(refusal('review', accept, officer)).toMatchObject({ kind: 'actor', code: 'AUTH_FORBIDDEN' });
    expect(refusal('review', giveBack, officer)).toMatchObject({ kind: 'actor', code: 'AUTH_FORBIDDEN' });
  });

  it('lets the unit\'s leader in charge submit, accept and return', () => {
    expect(refusal('writing', submit, leader)).toBeNull();
    expect(refusal('review', accept, leader)).toBeNull();
    expect(refusal('review', giveBack, leader)).toBeNull();
  });

  it('refuses roles held on another unit, and an admin of the province', () => {
    const elsewhere: RoleAssignment[] = [{ role: 'leader_in_charge', unitCode: 'KG.SVHTTDL' }];
    const admin: RoleAssignment[] = [{ role: 'admin', unitCode: 'KG' }];
    expect(refusal('writing', submit, elsewhere)?.code).toBe('AUTH_FORBIDDEN');
    expect(refusal('review', accept, elsewhere)?.code).toBe('AUTH_FORBIDDEN');
    expect(refusal('writing', submit, admin)?.code).toBe('AUTH_FORBIDDEN');
    expect(refusal('writing', submit, [])?.code).toBe('AUTH_FORBIDDEN');
  });

  it('lets the coordinator write the provincial report and the province\'s approver review it', () => {
    const coordinator: RoleAssignment[] = [{ role: 'coordinator', unitCode: 'KG.STTTT' }];
    const coordinatorOfficer: RoleAssignment[] = [{ role: 'officer', unitCode: 'KG.STTTT' }];
    const approver: RoleAssignment[] = [{ role: 'approver', unitCode: 'KG' }];
    expect(refusal('writing', submit, coordinator, provincial)).toBeNull();
    expect(refusal('writing', submit, coordinatorOfficer, provincial)).toBeNull();
    expect(refusal('review', accept, approver, provincial)).toBeNull();
    expect(refusal('review', giveBack, approver, provincial)).toBeNull();
    expect(refusal('writing', submit, approver, provincial)?.code).toBe('AUTH_FORBIDDEN');
    expect(refusal('review', accept, coordinator, provincial)?.code).toBe('AUTH_FORBIDDEN');
    expect(refusal('review', accept, [{ role: 'approver', unitCode: 'KG.STTTT' }], provincial)?.code).toBe('AUTH_FORBIDDEN');
  });

  it('refuses a return without reasons, blank ones included', () => {
    expect(refusal('review', { action: 'return', reasons: '' }, leader)).toMatchObject({ kind: 'input', code: 'REPORT_REASONS_REQUIRED' });
    expect(refusal('review', { action: 'return', reasons: ' \n\t ' }, leader)?.code).toBe('REPORT_REASONS_REQUIRED');
  });

  it('checks who acts before what they wrote', () => {
    expect(refusal('review', { action: 'return', reasons: '' }, officer)?.code).toBe('AUTH_FORBIDDEN');
  });
});

describe('report content', () => {
  const expected: ReportLine[] = reportLinesFor(items, 3);
  const [anniversary, regular, year] = expected;
  const good = () => ({
    summary: '  Quý III đã tổ chức kỷ niệm 45 năm quan hệ Việt Nam – Thái Lan.  ',
    lines: [
      { itemId: 'year', status: 'in_progress', achieved: 'Đăng 12 tin bài', spent: 0 },
      { itemId: 'anniversary', status: 'done', achieved: ' Tổ chức tại Rạch Giá ', spent: 150_000_000, content: 'Nội dung do người viết sửa' },
      { itemId: 'regular', status: 'not_started', achieved: '', spent: null },
    ],
  });
  const codesOf = (value: unknown) => validateReportContent(value, expected).problems.map((problem) => [problem.code, problem.field]);

  it('cleans good content, in plan order, with each line\'s content taken from the plan', () => {
    const { content, problems } = validateReportContent(good(), expected);
    expect(problems).toEqual([]);
    expect(content).toEqual({
      summary: 'Quý III đã tổ chức kỷ niệm 45 năm quan hệ Việt Nam – Thái Lan.',
      lines: [
        { itemId: 'anniversary', content: anniversary.content, status: 'done', achieved: 'Tổ chức tại Rạch Giá', spent: 150_000_000 },
        { itemId: 'regular', content: regular.content, status: 'not_started', achieved: '', spent: null },
        { itemId: 'year', content: year.content, status: 'in_progress', achieved: 'Đăng 12 tin bài', spent: 0 },
      ],
    });
  });

  it('keeps no key the writer added', () => {
    const value = good();
    Object.assign(value.lines[0], { leadUnitCode: 'KG', budget: 1 });
    const { content } = validateReportContent({ ...value, approved: true }, expected);
    expect(Object.keys(content as ReportContent)).toEqual(['summary', 'lines']);
    expect(Object.keys((content as ReportContent).lines[2]).sort()).toEqual(['achieved', 'content', 'itemId', 'spent', 'status']);
  });

  it('refuses anything but an object with a summary and lines', () => {
    for (const value of [null, undefined, 'báo cáo', 42, [], [good()]]) {
      expect(validateReportContent(value, expected)).toEqual({ content: null, problems: [expect.objectContaining({ code: 'REPORT_CONTENT_INVALID' })] });
    }
    expect(codesOf({ ...good(), summary: null })).toEqual([['REPORT_CONTENT_INVALID', 'summary']]);
    expect(codesOf({ ...good(), lines: {} })).toEqual([['REPORT_CONTENT_INVALID', 'lines']]);
    expect(codesOf({ summary: '' })).toEqual([['REPORT_CONTENT_INVALID', 'lines']]);
  });

  it('refuses a line that is not an object, or whose achievement is not text', () => {
    const value = good();
    (value.lines as unknown[])[1] = null;
    (value.lines[0] as Record<string, unknown>).achieved = ['x'];
    expect(codesOf(value)).toEqual([
      ['REPORT_CONTENT_INVALID', 'lines[0].achieved'],
      ['REPORT_CONTENT_INVALID', 'lines[1]'],
      ['REPORT_LINE_MISSING', 'lines'],
    ]);
  });

  it('refuses texts longer than a form allows, without echoing them', () => {
    const value = good();
    value.summary = 'a'.repeat(10_001);
    value.lines[1].achieved = 'b'.repeat(2_001);
    const { content, problems } = validateReportContent(value, expected);
    expect(content).toBeNull();
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['REPORT_TEXT_TOO_LONG', 'summary'],
      ['REPORT_TEXT_TOO_LONG', 'lines[1].achieved'],
    ]);
    expect(problems.every((problem) => problem.message.length < 200)).toBe(true);
    expect(validateReportContent({ ...good(), summary: 'a'.repeat(10_000) }, expected).problems).toEqual([]);
  });

  it('refuses a status outside the three', () => {
    for (const status of ['finished', 'DONE', null, 1, undefined, '__proto__']) {
      const value = good();
      (value.lines[2] as Record<string, unknown>).status = status;
      expect(codesOf(value)).toEqual([['REPORT_LINE_STATUS_INVALID', 'lines[2].status']]);
    }
  });

  it('refuses money spent that is not a whole, non-negative number of đồng', () => {
    for (const spent of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, 1e21, Number.NaN, Infinity, '1000', true, undefined, {}]) {
      const value = good();
      (value.lines[1] as Record<string, unknown>).spent = spent;
      expect(codesOf(value)).toEqual([['REPORT_LINE_SPENT_INVALID', 'lines[1].spent']]);
    }
  });

  it('refuses a line for an item the plan in force does not have for the period', () => {
    const value = good();
    value.lines.push({ itemId: 'conference', status: 'done', achieved: '', spent: null });
    expect(codesOf(value)).toEqual([['REPORT_LINE_UNKNOWN', 'lines[3].itemId']]);
  });

  it('treats inherited names and non-text ids as unknown items', () => {
    for (const itemId of ['__proto__', 'constructor', 'toString', 7, null, { itemId: 'year' }]) {
      const value = good();
      value.lines.push({ itemId, status: 'done', achieved: '', spent: null } as (typeof value.lines)[number]);
      expect(codesOf(value)).toEqual([['REPORT_LINE_UNKNOWN', 'lines[3].itemId']]);
    }
    const fromJson = JSON.parse('{"summary": "", "lines": [], "__proto__": {"lines": []}}');
    expect(codesOf(fromJson)).toEqual([['REPORT_LINE_MISSING', 'lines'], ['REPORT_LINE_MISSING', 'lines'], ['REPORT_LINE_MISSING', 'lines']]);
  });

  it('refuses an item reported twice', () => {
    const value = good();
    value.lines.push({ itemId: 'regular', status: 'done', achieved: 'Khác', spent: 5 });
    expect(codesOf(value)).toEqual([['REPORT_CONTENT_INVALID', 'lines[3].itemId']]);
  });

  it('names each item the report leaves out', () => {
    const value = good();
    value.lines.splice(0, 1);
    const { content, problems } = validateReportContent(value, expected);
    expect(content).toBeNull();
    expect(problems).toEqual([{ code: 'REPORT_LINE_MISSING', field: 'lines', message: expect.stringContaining(year.content) }]);
  });

  it('accepts an empty report when the period has no items', () => {
    expect(validateReportContent({ summary: 'Không có nội dung trong kỳ.', lines: [] }, [])).toEqual({ content: { summary: 'Không có nội dung trong kỳ.', lines: [] }, problems: [] });
  });

  it('answers a flood of bogus lines with a bounded list of problems', () => {
    const lines = Array.from({ length: 100_000 }, (_, index) => ({ itemId: `x${index}`, status: 'done', achieved: '', spent: null }));
    const { content, problems } = validateReportContent({ summary: '', lines }, expected);
    expect(content).toBeNull();
    expect(problems.length).toBeLessThanOrEqual(110);
  });
});

describe('annual aggregate', () => {
  const line = (status: ReportLine['status'], spent: number | null): ReportLine => ({ itemId: 'i', content: 'c', status, achieved: '', spent });
  const content = (...lines: ReportLine[]): ReportContent => ({ summary: '', lines });

  it('counts the units that reported and names, sorted, those that did not', () => {
    const aggregate = aggregateAnnualReports(['KG.SNGV', 'KG.CA', 'KG.BCH', 'KG.SVHTTDL'], [
      { unitCode: 'KG.SVHTTDL', content: content(line('done', 200_000_000), line('in_progress', null)) },
      { unitCode: 'KG.SNGV', content: content(line('done', 150_000_000), line('not_started', 0), line('done', null)) },
    ]);
    expect(aggregate).toEqual({
      unitsExpected: 4,
      unitsReported: 2,
      missingUnitCodes: ['KG.BCH', 'KG.CA'],
      itemsTotal: 5,
      itemsDone: 3,
      totalSpent: 350_000_000,
    });
  });

  it('ignores reports of units not expected, and counts a unit reported twice once, with its last report', () => {
    const aggregate = aggregateAnnualReports(['KG.SNGV'], [
      { unitCode: 'KG.SNGV', content: content(line('in_progress', 1)) },
      { unitCode: 'GL.SNGV', content: content(line('done', 1_000)) },
      { unitCode: 'KG.SNGV', content: content(line('done', 5), line('done', 5)) },
    ]);
    expect(aggregate).toEqual({ unitsExpected: 1, unitsReported: 1, missingUnitCodes: [], itemsTotal: 2, itemsDone: 2, totalSpent: 10 });
  });

  it('reports every unit missing before any report arrives', () => {
    expect(aggregateAnnualReports(['B', 'A', 'A'], [])).toEqual({ unitsExpected: 2, unitsReported: 0, missingUnitCodes: ['A', 'B'], itemsTotal: 0, itemsDone: 0, totalSpent: 0 });
  });
});
