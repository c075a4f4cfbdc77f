import {
  DEFAULT_UNIT_SETTINGS,
  applyDecision,
  checkDecision,
  planChainOf,
  provincialPlanChain,
  type OrgUnit,
  type PlanDecision,
  type PlanProgress,
  type RoleAssignment,
} from '..';

// Xã Ia Dom: its plan is appraised by Đức Cơ's Phòng Văn hóa và Thông tin and approved by the district (seed 001, II.1).
const iaDom: OrgUnit = {
  code: 'GL.DUCCO.IADOM',
  provinceCode: 'GL',
  parentCode: 'GL.DUCCO',
  kind: 'commune',
  name: 'Ủy ban nhân dân xã Ia Dom',
  settings: { ...DEFAULT_UNIT_SETTINGS, needsAppraisal: true, appraiserUnitCode: 'GL.DUCCO.PVHTT', approverUnitCode: 'GL.DUCCO' },
};
const chain = planChainOf(iaDom);
const officer: RoleAssignment[] = [{ role: 'officer', unitCode: 'GL.DUCCO.IADOM' }];
const appraiser: RoleAssignment[] = [{ role: 'appraiser', unitCode: 'GL.DUCCO.PVHTT' }];
const approver: RoleAssignment[] = [{ role: 'approver', unitCode: 'GL.DUCCO' }];
const drafting: PlanProgress = { stage: 'drafting', version: 1, appraisedVersions: [], versionInForce: null };

/** Checks then applies each step, as a workflow's validator and handler do. */
function walk(steps: Array<[PlanDecision, RoleAssignment[]]>, from = drafting): PlanProgress {
  return steps.reduce((progress, [decision, actor]) => {
    checkDecision(progress, decision, actor, chain);
    return applyDecision(progress, decision, chain);
  }, from);
}

const refusal = (progress: PlanProgress, decision: PlanDecision, actor: RoleAssignment[]) => {
  try {
    checkDecision(progress, decision, actor, chain);
  } catch (error) {
    const { kind, code } = error as { kind: string; code: string };
    return { kind, code };
  }
  return null;
};

describe('plan lifecycle', () => {
  it('walks a commune plan through appraisal with one return, then approval', () => {
    const issued = walk([
      [{ action: 'submit', version: 1 }, officer],
      [{ action: 'appraise', version: 1, decision: 'return', comments: 'Bổ sung kinh phí cho hội nghị' }, appraiser],
      [{ action: 'submit', version: 2 }, officer],
      [{ action: 'appraise', version: 2, decision: 'agree', comments: '' }, appraiser],
      [{ action: 'approve', version: 2 }, approver],
    ]);
    expect(issued).toEqual({ stage: 'issued', version: 2, appraisedVersions: [2], versionInForce: 2 });
  });

  it('skips appraisal for a unit whose settings do not ask for it', () => {
    const department = planChainOf({ ...iaDom, code: 'GL.SNGV', settings: { ...DEFAULT_UNIT_SETTINGS } });
    const submitted = applyDecision(drafting, { action: 'submit', version: 1 }, department);
    expect(submitted.stage).toBe('approval');
    expect(department.approverUnitCode).toBe('GL.SNGV');
  });

  it('reopens drafting as a new version for an amendment, keeping the issued version in force', () => {
    const issued: PlanProgress = { stage: 'issued', version: 2, appraisedVersions: [2], versionInForce: 2 };
    expect(walk([[{ action: 'amend' }, officer]], issued)).toEqual({ ...issued, stage: 'drafting', version: 3 });
  });

  describe('refuses, before anything is recorded', () => {
    const inApproval: PlanProgress = { stage: 'approval', version: 1, appraisedVersions: [], versionInForce: null };

    it('approving without an agreeing appraisal of that very version', () => {
      expect(refusal(inApproval, { action: 'approve', version: 1 }, approver)).toEqual({ kind: 'state', code: 'PLAN_APPRAISAL_REQUIRED' });
      const appraisedEarlier = { ...inApproval, version: 2, appraisedVersions: [1] };
      expect(refusal(appraisedEarlier, { action: 'approve', version: 2 }, approver)?.code).toBe('PLAN_APPRAISAL_REQUIRED');
    });

    it('approving twice', () => {
      const issued: PlanProgress = { stage: 'issued', version: 1, appraisedVersions: [1], versionInForce: 1 };
      expect(refusal(issued, { action: 'approve', version: 1 }, approver)).toEqual({ kind: 'state', code: 'PLAN_STAGE_CONFLICT' });
    });

    it('a decision on a stale version', () => {
      const ready = { ...inApproval, version: 2, appraisedVersions: [2] };
      expect(refusal(ready, { action: 'approve', version: 1 }, approver)).toEqual({ kind: 'state', code: 'PLAN_VERSION_STALE' });
    });

    it('acting on someone else’s task, even as the province admin', () => {
      const ready = { ...inApproval, appraisedVersions: [1] };
      expect(refusal(ready, { action: 'approve', version: 1 }, appraiser)).toEqual({ kind: 'actor', code: 'AUTH_FORBIDDEN' });
      expect(refusal(ready, { action: 'approve', version: 1 }, [{ role: 'admin', unitCode: 'GL' }])?.code).toBe('AUTH_FORBIDDEN');
      expect(refusal(drafting, { action: 'submit', version: 1 }, [{ role: 'officer', unitCode: 'GL.SNGV' }])?.code).toBe('AUTH_FORBIDDEN');
    });

    it('a return without comments or reasons', () => {
      const inAppraisal: PlanProgress = { ...inApproval, stage: 'appraisal' };
      expect(refusal(inAppraisal, { action: 'appraise', version: 1, decision: 'return', comments: '  ' }, appraiser)).toEqual({
        kind: 'input',
        code: 'PLAN_COMMENTS_REQUIRED',
      });
      expect(refusal({ ...inApproval, appraisedVersions: [1] }, { action: 'return', version: 1, reasons: '' }, approver)?.code).toBe('PLAN_REASONS_REQUIRED');
    });
  });
});

describe('plan chains are data', () => {
  it('lets a two-tier commune be appraised by its own Phòng Văn hóa - Xã hội and approved by itself', () => {
    const tranBien: OrgUnit = {
      code: 'DN.TRANBIEN',
      provinceCode: 'DN',
      parentCode: 'DN',
      kind: 'commune',
      name: 'Ủy ban nhân dân phường Trấn Biên',
      settings: { ...DEFAULT_UNIT_SETTINGS, needsAppraisal: true, appraiserUnitCode: 'DN.TRANBIEN.PVHXH', approverUnitCode: 'DN.TRANBIEN' },
    };
    expect(planChainOf(tranBien)).toEqual({ drafterUnitCode: 'DN.TRANBIEN', appraiserUnitCode: 'DN.TRANBIEN.PVHXH', approverUnitCode: 'DN.TRANBIEN' });
  });

  it('has the coordinator draft the provincial plan and the province approve it, without appraisal', () => {
    const province = { ...iaDom, code: 'GL', parentCode: null, kind: 'province' as const };
    const coordinator = { ...iaDom, code: 'GL.STTTT', parentCode: 'GL', kind: 'coordinator' as const };
    expect(provincialPlanChain(province, coordinator)).toEqual({ drafterUnitCode: 'GL.STTTT', appraiserUnitCode: null, approverUnitCode: 'GL' });
  });
});
