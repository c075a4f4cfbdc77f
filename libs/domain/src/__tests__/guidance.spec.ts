import { validateGuidance, type GuidanceInput } from '..';

/** Công văn 4110/BTTTT-TTĐN (seed 004), the first three of its nine focus tasks. */
const guidance4110: GuidanceInput = {
  provinceCode: 'GL',
  documentNumber: '4110/BTTTT-TTĐN',
  issuedOn: '2018-12-04',
  issuer: 'Bộ Thông tin và Truyền thông',
  subject: 'V/v hướng dẫn xây dựng kế hoạch công tác thông tin đối ngoại năm 2019',
  planYear: 2019,
  focusTasks: [
    { number: 1, title: 'Xây dựng và ban hành Quy chế quản lý hoạt động thông tin đối ngoại' },
    { number: 2, title: 'Phân công, bố trí cán bộ phụ trách công tác thông tin đối ngoại' },
    { number: 3, title: 'Tập huấn nâng cao nhận thức, bồi dưỡng nghiệp vụ về thông tin đối ngoại' },
  ],
};

describe('guidance', () => {
  it('accepts the ministry letter of seed 004 for the next year’s plans', () => {
    expect(validateGuidance(guidance4110, '2026-11-23')).toEqual([]);
  });

  it('names each problem with its field and a stable code', () => {
    const problems = validateGuidance(
      {
        ...guidance4110,
        documentNumber: '4110 BTTTT',
        planYear: 2021,
        issuer: ' ',
        focusTasks: [
          { number: 1, title: 'Một' },
          { number: 3, title: '' },
        ],
      },
      '2026-11-23',
    );
    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['documentNumber', 'GUIDANCE_NUMBER_INVALID'],
      ['planYear', 'GUIDANCE_PLAN_YEAR_INVALID'],
      ['issuer', 'GUIDANCE_ISSUER_REQUIRED'],
      ['focusTasks[1].number', 'GUIDANCE_FOCUS_TASK_NUMBER'],
      ['focusTasks[1].title', 'GUIDANCE_FOCUS_TASK_TITLE'],
    ]);
  });

  it('refuses a letter dated in the future or on a day that does not exist', () => {
    expect(validateGuidance({ ...guidance4110, issuedOn: '2026-12-01', planYear: 2027 }, '2026-11-23')[0].code).toBe('GUIDANCE_DATE_FUTURE');
    expect(validateGuidance({ ...guidance4110, issuedOn: '2018-02-30' }, '2026-11-23')[0].code).toBe('GUIDANCE_DATE_INVALID');
  });
});
