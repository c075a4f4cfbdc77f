import {
  DEFAULT_UNIT_SETTINGS,
  DomainError,
  annualCycleWorkflowId,
  cycleIdOf,
  holdsRole,
  selectParticipants,
  unitPlanWorkflowId,
  validateOrgTree,
  type OrgUnit,
} from '..';

const unit = (code: string, kind: OrgUnit['kind'], parentCode: string | null, settings: Partial<OrgUnit['settings']> = {}): OrgUnit => ({
  code,
  provinceCode: 'GL',
  parentCode,
  kind,
  name: code,
  settings: { ...DEFAULT_UNIT_SETTINGS, ...settings },
});

const threeTier: OrgUnit[] = [
  unit('GL', 'province', null),
  unit('GL.VP', 'office', 'GL', { participatesByDefault: false }),
  unit('GL.STTTT', 'coordinator', 'GL', { escalationUnitCode: 'GL.VP' }),
  unit('GL.SNGV', 'department', 'GL'),
  unit('GL.DUCCO', 'district', 'GL'),
  unit('GL.DUCCO.PVHTT', 'appraiser', 'GL.DUCCO', { participatesByDefault: false }),
  unit('GL.DUCCO.IADOM', 'commune', 'GL.DUCCO', {
    needsAppraisal: true,
    appraiserUnitCode: 'GL.DUCCO.PVHTT',
    approverUnitCode: 'GL.DUCCO',
  }),
  unit('GL.DUCCO.IANAN', 'commune', 'GL.DUCCO', { participatesByDefault: false }),
];

describe('organisation tree', () => {
  it('accepts a three-tier province with appraisal configured as data', () => {
    expect(validateOrgTree(threeTier)).toEqual([]);
  });

  it('accepts a two-tier province where communes sit directly under the province', () => {
    const twoTier = [
      unit('GL', 'province', null),
      unit('GL.SVHTTDL', 'coordinator', 'GL'),
      unit('GL.XA1', 'commune', 'GL', { needsAppraisal: true, appraiserUnitCode: 'GL.XA1.VHXH' }),
      unit('GL.XA1.VHXH', 'appraiser', 'GL.XA1'),
    ];
    expect(validateOrgTree(twoTier)).toEqual([]);
  });

  it('names every broken link: unknown parent, unknown appraiser, appraisal without appraiser, loops', () => {
    const broken = [
      unit('GL', 'province', null),
      unit('GL.A', 'department', 'GL.NOWHERE'),
      unit('GL.B', 'commune', 'GL', { needsAppraisal: true }),
      unit('GL.C', 'commune', 'GL', { appraiserUnitCode: 'GL.GONE' }),
      unit('GL.D', 'department', 'GL.E'),
      unit('GL.E', 'department', 'GL.D'),
    ];
    const codes = validateOrgTree(broken).map((problem) => problem.code);
    expect(codes).toEqual(expect.arrayContaining(['ORG_PARENT_UNKNOWN', 'ORG_APPRAISER_MISSING', 'ORG_REFERENCE_UNKNOWN', 'ORG_LOOP']));
  });
});

describe('cycle participants', () => {
  it('takes every unit that participates by default, never the province, office or appraiser', () => {
    expect(selectParticipants(threeTier).map((u) => u.code)).toEqual(['GL.STTTT', 'GL.SNGV', 'GL.DUCCO', 'GL.DUCCO.IADOM']);
  });

  it('takes exactly the units asked for, even one left out by default', () => {
    expect(selectParticipants(threeTier, ['GL.DUCCO.IANAN', 'GL.SNGV']).map((u) => u.code)).toEqual(['GL.SNGV', 'GL.DUCCO.IANAN']);
  });

  it('refuses an unknown unit with a stable code', () => {
    expect(() => selectParticipants(threeTier, ['GL.SNGV', 'GL.KHONGCO'])).toThrow(
      expect.objectContaining({ code: 'CYCLE_UNIT_UNKNOWN', details: { unitCodes: ['GL.KHONGCO'] } }),
    );
  });

  it('refuses an appraiser as a participant, since it drafts no plan of its own', () => {
    expect(() => selectParticipants(threeTier, ['GL.DUCCO.PVHTT'])).toThrow(DomainError);
  });

  it('derives one workflow id per province and year, and one per unit inside it', () => {
    const cycleId = cycleIdOf('GL', 2027);
    expect(annualCycleWorkflowId(cycleId)).toBe('annual-cycle/GL-2027');
    expect(unitPlanWorkflowId(cycleId, 'GL.SNGV')).toBe('annual-cycle/GL-2027/unit/GL.SNGV');
  });
});

describe('roles', () => {
  it('lets a province admin act on every unit of the province, and nobody else by accident', () => {
    const admin = [{ role: 'admin' as const, unitCode: 'GL' }];
    expect(holdsRole(admin, 'admin', { code: 'GL', provinceCode: 'GL' })).toBe(true);
    expect(holdsRole(admin, 'admin', { code: 'DN', provinceCode: 'DN' })).toBe(false);
    expect(holdsRole([{ role: 'officer', unitCode: 'GL.SNGV' }], 'admin', { code: 'GL', provinceCode: 'GL' })).toBe(false);
  });
});
