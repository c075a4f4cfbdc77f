import { selectParticipants, validateOrgTree, type OrgUnit } from '@plancycle/domain';
import { DEMO_USERS } from './demo-users';
import { demoProvinces, dongNaiUnits, giaLaiUnits } from './demo-province';
import { assertValidProvince } from './seed-demo';

const byCode = (units: OrgUnit[]) => new Map(units.map((unit) => [unit.code, unit]));

describe('demo provinces', () => {
  it.each([
    ['Gia Lai (three tiers)', giaLaiUnits()],
    ['Đồng Nai (two tiers)', dongNaiUnits()],
  ])('%s passes validateOrgTree', (_name, units) => {
    expect(validateOrgTree(units)).toEqual([]);
    expect(() => assertValidProvince(units)).not.toThrow();
  });

  it('sends Gia Lai commune plans to the district Phòng Văn hóa và Thông tin, then to the district for approval', () => {
    const units = byCode(giaLaiUnits());

    expect(units.get('GL.DUCCO.IADOM')?.settings).toMatchObject({
      needsAppraisal: true,
      appraiserUnitCode: 'GL.DUCCO.PVHTT',
      approverUnitCode: 'GL.DUCCO',
      escalationUnitCode: 'GL.DUCCO',
    });
    expect(units.get('GL.DUCCO.PVHTT')).toMatchObject({ kind: 'appraiser', parentCode: 'GL.DUCCO' });
    expect(units.get('GL.DUCCO')?.settings).toMatchObject({ appraiserUnitCode: 'GL.DUCCO.PVHTT', escalationUnitCode: 'GL.STTTT' });
    expect(units.get('GL.STTTT')?.settings).toMatchObject({ escalationUnitCode: 'GL.VP', documentSymbol: 'KH-STTTT' });
  });

  it('has Đồng Nai communes appraised by their own Phòng Văn hóa - Xã hội and approved by themselves', () => {
    const units = dongNaiUnits();

    expect(units.some((unit) => unit.kind === 'district')).toBe(false);
    expect(units.find((unit) => unit.kind === 'coordinator')?.name).toBe('Sở Văn hóa, Thể thao và Du lịch');
    for (const commune of units.filter((unit) => unit.kind === 'commune')) {
      expect(commune.settings.approverUnitCode).toBe(commune.code);
      const appraiser = byCode(units).get(commune.settings.appraiserUnitCode ?? '');
      expect(appraiser).toMatchObject({ kind: 'appraiser', parentCode: commune.code });
      expect(appraiser?.name).toMatch(/^Phòng Văn hóa - Xã hội /);
    }
  });

  it('leaves appraisers and the office out of a new cycle by default', () => {
    for (const units of demoProvinces()) {
      const participants = selectParticipants(units).map((unit) => unit.kind);

      expect(participants).not.toContain('appraiser');
      expect(participants).not.toContain('office');
      expect(participants).toContain('commune');
    }
  });

  it('gives every demo user roles on units that exist', () => {
    const codes = new Set(demoProvinces().flat().map((unit) => unit.code));

    for (const user of DEMO_USERS) {
      for (const role of user.roles) expect(codes).toContain(role.unitCode);
    }
  });
});
