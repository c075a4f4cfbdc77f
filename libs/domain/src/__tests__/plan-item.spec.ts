import { missingAssignments, planBudgetTotal, uncoveredFocusTasks, validatePlanItems, type PlanItem } from '..';

const item = (id: string, changes: Partial<PlanItem> = {}): PlanItem => ({
  id,
  content: 'Tổ chức hội nghị tuyên truyền về biên giới tại 03 điểm cho 750 đại biểu',
  leadUnitCode: 'KG.SNGV',
  coordinatingUnitCodes: ['KG.BDBP'],
  timeFrame: { kind: 'quarter', year: 2021, quarter: 2 },
  budget: 200_000_000,
  focusTaskNumbers: [3],
  sourceItemId: null,
  ...changes,
});

const context = { cycleYear: 2021, unitCodes: new Set(['KG.SNGV', 'KG.BDBP', 'KG.STTTT']), focusTaskNumbers: new Set([1, 2, 3]) };

describe('plan items', () => {
  it('accepts a row like the Kiên Giang 2021 border conference', () => {
    expect(validatePlanItems([item('a')], context)).toEqual([]);
  });

  it('names every problem of every row with the path of its field', () => {
    const problems = validatePlanItems(
      [
        item('a', { content: '   ', budget: -5 }),
        item('b', { budget: 1.5, leadUnitCode: 'KG.KHONGCO', timeFrame: { kind: 'quarter', year: 2022, quarter: 1 } }),
        item('b', { coordinatingUnitCodes: ['KG.SNGV'], focusTaskNumbers: [9] }),
      ],
      context,
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['items[0].content', 'PLAN_ITEM_CONTENT_REQUIRED'],
      ['items[0].budget', 'PLAN_ITEM_BUDGET_INVALID'],
      ['items[1].leadUnitCode', 'PLAN_ITEM_UNIT_UNKNOWN'],
      ['items[1].budget', 'PLAN_ITEM_BUDGET_INVALID'],
      ['items[1].timeFrame', 'TIME_FRAME_OUTSIDE_CYCLE'],
      ['items[2].id', 'PLAN_ITEM_DUPLICATE'],
      ['items[2].coordinatingUnitCodes', 'PLAN_ITEM_LEAD_COORDINATES'],
      ['items[2].focusTaskNumbers', 'PLAN_ITEM_FOCUS_TASK_UNKNOWN'],
    ]);
    expect(problems[0].message).toBe('Dòng 1: chưa có nội dung.');
  });

  it('adds up the budget column, rows without a budget counting as nothing', () => {
    expect(planBudgetTotal([item('a'), item('b', { budget: null }), item('c', { budget: 50_000_000 })])).toBe(250_000_000);
  });
});

describe('coverage', () => {
  it('lists the focus tasks of the guidance that no row serves', () => {
    expect(uncoveredFocusTasks([1, 2, 3], [item('a', { focusTaskNumbers: [3] }), item('b', { focusTaskNumbers: [1, 3] })])).toEqual([2]);
  });

  it('lists the provincial rows assigning the unit a part that its plan does not carry', () => {
    const provincial = [
      item('p1', { leadUnitCode: 'KG.SNGV', coordinatingUnitCodes: [] }),
      item('p2', { leadUnitCode: 'KG.STTTT', coordinatingUnitCodes: ['KG.SNGV'] }),
      item('p3', { leadUnitCode: 'KG.STTTT', coordinatingUnitCodes: ['KG.BDBP'] }),
    ];
    const unitPlan = [item('u1', { sourceItemId: 'p1' })];
    expect(missingAssignments('KG.SNGV', provincial, unitPlan).map((row) => row.id)).toEqual(['p2']);
  });
});
