import {
  isEmailAddress,
  isPhoneNumber,
  isStaffRole,
  mayAssignStaff,
  mayReadProvinceStaff,
  mayReadUnitStaff,
  missingStaffRoles,
  namesStaff,
  normalizeStaffMember,
  type OrgUnit,
} from '..';

const SNGV = { code: 'GL.SNGV', provinceCode: 'GL' };
const GL_UNITS: Array<Pick<OrgUnit, 'code' | 'provinceCode' | 'kind'>> = [
  { code: 'GL', provinceCode: 'GL', kind: 'province' },
  { code: 'GL.STTTT', provinceCode: 'GL', kind: 'coordinator' },
  { code: 'GL.SNGV', provinceCode: 'GL', kind: 'department' },
];

describe('unit staff: the leader in charge and the officer each unit names', () => {
  it('trims a named person and keeps blank contacts as absent', () => {
    const { member, problems } = normalizeStaffMember({ fullName: '  Phạm   Thị Lan ', position: ' Chuyên viên ', phone: '  ', email: null });

    expect(problems).toEqual([]);
    expect(member).toEqual({ fullName: 'Phạm Thị Lan', position: 'Chuyên viên', phone: null, email: null });
  });

  it('stores a name typed with decomposed diacritics as the composed one', () => {
    const { member } = normalizeStaffMember({ fullName: 'Võ Quốc Bảo'.normalize('NFD'), position: 'Phó Giám đốc' });

    expect(member.fullName).toBe('Võ Quốc Bảo'.normalize('NFC'));
  });

  it('names every problem of the form at once, each with its field and code', () => {
    const { problems } = normalizeStaffMember({ fullName: '   ', position: 'x'.repeat(201), phone: '12-34', email: 'lan@' });

    expect(problems.map((problem) => [problem.field, problem.code])).toEqual([
      ['fullName', 'STAFF_NAME_REQUIRED'],
      ['position', 'STAFF_POSITION_TOO_LONG'],
      ['phone', 'STAFF_PHONE_INVALID'],
      ['email', 'STAFF_EMAIL_INVALID'],
    ]);
    expect(problems.every((problem) => /[àáảãạăâđêôơưẠ-ỹ]/i.test(problem.message))).toBe(true);
  });

  it('refuses a name over 200 characters and a missing position', () => {
    const { problems } = normalizeStaffMember({ fullName: 'a'.repeat(201), position: '' });

    expect(problems.map((problem) => problem.code)).toEqual(['STAFF_NAME_TOO_LONG', 'STAFF_POSITION_REQUIRED']);
  });

  it.each(['0269 3824 123', '+84 912.345.678', '0912-345-678', '02693824123', '38241234'])('accepts the phone number %s', (phone) => {
    expect(isPhoneNumber(phone)).toBe(true);
  });

  it.each(['1234567', '0912 345 678 901 234 5', '0912a345678', '(0269) 3824123', '84+912345678', '+ 84912345678', '---'])(
    'refuses the phone number %s',
    (phone) => {
      expect(isPhoneNumber(phone)).toBe(false);
    },
  );

  it.each([
    ['canbo@gialai.gov.vn', true],
    ['lan.pham+ttdn@sngv.gialai.gov.vn', true],
    ['lan@localhost', false],
    ['lan pham@gialai.gov.vn', false],
    ['@gialai.gov.vn', false],
    ['lan@gialai..vn', false],
    [`${'a'.repeat(250)}@b.vn`, false],
  ])('judges the e-mail address %s valid: %s', (email, valid) => {
    expect(isEmailAddress(email)).toBe(valid);
  });

  it('knows the two staff roles and nothing else', () => {
    expect(['leader_in_charge', 'officer'].every(isStaffRole)).toBe(true);
    expect(['admin', 'coordinator', 'Officer', 1, null].some(isStaffRole)).toBe(false);
  });

  it('has every unit that drafts a plan name staff, but not the province, its office or an appraiser', () => {
    expect((['coordinator', 'department', 'district', 'commune'] as const).every((kind) => namesStaff({ kind }))).toBe(true);
    expect((['province', 'office', 'appraiser'] as const).some((kind) => namesStaff({ kind }))).toBe(false);
  });

  it('lists the roles not named yet', () => {
    expect(missingStaffRoles({ leader_in_charge: null, officer: null })).toEqual(['leader_in_charge', 'officer']);
    expect(missingStaffRoles({ leader_in_charge: { fullName: 'Võ Quốc Bảo' } })).toEqual(['officer']);
  });

  it("lets the unit's leader in charge and the province admin name staff, and nobody else", () => {
    expect(mayAssignStaff([{ role: 'leader_in_charge', unitCode: 'GL.SNGV' }], SNGV)).toBe(true);
    expect(mayAssignStaff([{ role: 'admin', unitCode: 'GL' }], SNGV)).toBe(true);
    expect(mayAssignStaff([{ role: 'officer', unitCode: 'GL.SNGV' }], SNGV)).toBe(false);
    expect(mayAssignStaff([{ role: 'leader_in_charge', unitCode: 'GL.SCT' }], SNGV)).toBe(false);
    expect(mayAssignStaff([{ role: 'coordinator', unitCode: 'GL.STTTT' }], SNGV)).toBe(false);
    expect(mayAssignStaff([{ role: 'admin', unitCode: 'DN' }], SNGV)).toBe(false);
  });

  it("shows the province's list to its coordinator and admins only", () => {
    const province = { code: 'GL', provinceCode: 'GL' };

    expect(mayReadProvinceStaff([{ role: 'coordinator', unitCode: 'GL.STTTT' }], province, GL_UNITS)).toBe(true);
    expect(mayReadProvinceStaff([{ role: 'admin', unitCode: 'GL' }], province, GL_UNITS)).toBe(true);
    expect(mayReadProvinceStaff([{ role: 'coordinator', unitCode: 'GL.SNGV' }], province, GL_UNITS)).toBe(false);
    expect(mayReadProvinceStaff([{ role: 'leader_in_charge', unitCode: 'GL.SNGV' }], province, GL_UNITS)).toBe(false);
    expect(mayReadProvinceStaff([{ role: 'admin', unitCode: 'DN' }], province, GL_UNITS)).toBe(false);
  });

  it("shows a unit's names to its own people, the coordinator and admins", () => {
    expect(mayReadUnitStaff([{ role: 'officer', unitCode: 'GL.SNGV' }], SNGV, GL_UNITS)).toBe(true);
    expect(mayReadUnitStaff([{ role: 'coordinator', unitCode: 'GL.STTTT' }], SNGV, GL_UNITS)).toBe(true);
    expect(mayReadUnitStaff([{ role: 'admin', unitCode: 'GL' }], SNGV, GL_UNITS)).toBe(true);
    expect(mayReadUnitStaff([{ role: 'officer', unitCode: 'GL.DUCCO.IADOM' }], SNGV, GL_UNITS)).toBe(false);
    expect(mayReadUnitStaff([{ role: 'admin', unitCode: 'DN' }], SNGV, GL_UNITS)).toBe(false);
  });
});
