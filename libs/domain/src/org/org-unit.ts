import type { Problem } from '../errors/domain-error';

/**
 * Kinds of organisation unit. The chain of who drafts, appraises, approves and is escalated to is
 * data on each unit (see UnitSettings), never derived from the kind: provinces have been reorganised
 * (two-tier local government since 1/7/2025) and will be again.
 */
export const ORG_UNIT_KINDS = [
  'province', // Ủy ban nhân dân tỉnh
  'office', // Văn phòng UBND tỉnh: forwards letters, last step of the escalation ladder
  'coordinator', // Sở phụ trách TTĐN (Sở TT&TT, since 2025 Sở VH-TT-DL)
  'department', // sở, ban, ngành, lực lượng vũ trang, báo, đài
  'district', // UBND huyện, thị xã, thành phố (three-tier provinces only)
  'commune', // UBND xã, phường, thị trấn
  'appraiser', // gives the appraisal opinion (Phòng Văn hóa và Thông tin / Phòng Văn hóa - Xã hội)
] as const;
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];

export const ORG_UNIT_KIND_LABELS: Record<OrgUnitKind, string> = {
  province: 'Tỉnh',
  office: 'Văn phòng UBND tỉnh',
  coordinator: 'Cơ quan điều phối',
  department: 'Sở, ban, ngành',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
  appraiser: 'Cơ quan thẩm định',
};

/** Per-unit configuration of the plan chain. Codes refer to other units of the same province. */
export interface UnitSettings {
  /** Takes part in a new cycle unless the admin leaves it out. */
  participatesByDefault: boolean;
  /** Its plan needs an appraisal opinion (thẩm định) before approval (seed 001, II.1). */
  needsAppraisal: boolean;
  appraiserUnitCode: string | null;
  /** Whose leader approves (phê duyệt) its plan; null means its own leader. */
  approverUnitCode: string | null;
  /** Where an overdue task climbs after the unit's own leader in charge. */
  escalationUnitCode: string | null;
  /** Symbol of its plans, e.g. `KH-UBND`, `KH-SNgV` (number assigned only at issuance). */
  documentSymbol: string | null;
}

export interface OrgUnit {
  /** Stable, readable, globally unique: `GL`, `GL.STTTT`, `GL.PLEIKU.PVHTT`. */
  code: string;
  provinceCode: string;
  parentCode: string | null;
  kind: OrgUnitKind;
  name: string;
  settings: UnitSettings;
}

export const DEFAULT_UNIT_SETTINGS: UnitSettings = {
  participatesByDefault: true,
  needsAppraisal: false,
  appraiserUnitCode: null,
  approverUnitCode: null,
  escalationUnitCode: null,
  documentSymbol: null,
};

/** Units that draft a plan of their own in a cycle (the province's plan is drafted by the coordinator). */
export function draftsOwnPlan(unit: OrgUnit): boolean {
  return unit.kind !== 'office' && unit.kind !== 'appraiser';
}

/**
 * Checks one province's units as a whole: one root, parents that exist, no loops, and every
 * appraiser/approver/escalation reference pointing at a unit of the same province.
 */
export function validateOrgTree(units: readonly OrgUnit[]): Problem[] {
  const problems: Problem[] = [];
  const byCode = new Map<string, OrgUnit>();
  for (const unit of units) {
    if (byCode.has(unit.code)) {
      problems.push({ code: 'ORG_UNIT_DUPLICATE', message: `Mã đơn vị bị trùng: ${unit.code}.`, field: unit.code });
    }
    byCode.set(unit.code, unit);
  }

  const roots = units.filter((unit) => unit.parentCode === null);
  if (roots.length !== 1 || roots[0].kind !== 'province') {
    problems.push({
      code: 'ORG_ROOT_INVALID',
      message: 'Mỗi tỉnh phải có đúng một đơn vị gốc là Ủy ban nhân dân tỉnh.',
    });
  }

  for (const unit of units) {
    if (unit.parentCode !== null && !byCode.has(unit.parentCode)) {
      problems.push({
        code: 'ORG_PARENT_UNKNOWN',
        message: `Đơn vị ${unit.name} trỏ tới đơn vị cấp trên không tồn tại: ${unit.parentCode}.`,
        field: unit.code,
      });
    }
    const references: Array<[keyof UnitSettings, string | null]> = [
      ['appraiserUnitCode', unit.settings.appraiserUnitCode],
      ['approverUnitCode', unit.settings.approverUnitCode],
      ['escalationUnitCode', unit.settings.escalationUnitCode],
    ];
    for (const [setting, code] of references) {
      const target = code === null ? undefined : byCode.get(code);
      if (code !== null && (!target || target.provinceCode !== unit.provinceCode)) {
        problems.push({
          code: 'ORG_REFERENCE_UNKNOWN',
          message: `Đơn vị ${unit.name}: ${setting} trỏ tới đơn vị không có trong tỉnh: ${code}.`,
          field: unit.code,
        });
      }
    }
    if (unit.settings.needsAppraisal && unit.settings.appraiserUnitCode === null) {
      problems.push({
        code: 'ORG_APPRAISER_MISSING',
        message: `Đơn vị ${unit.name} cần thẩm định kế hoạch nhưng chưa chỉ định cơ quan thẩm định.`,
        field: unit.code,
      });
    }
    if (hasAncestorLoop(unit, byCode)) {
      problems.push({ code: 'ORG_LOOP', message: `Quan hệ cấp trên của đơn vị ${unit.name} bị vòng lặp.`, field: unit.code });
    }
  }
  return problems;
}

function hasAncestorLoop(unit: OrgUnit, byCode: ReadonlyMap<string, OrgUnit>): boolean {
  const seen = new Set<string>([unit.code]);
  let parentCode = unit.parentCode;
  while (parentCode !== null) {
    if (seen.has(parentCode)) return true;
    seen.add(parentCode);
    parentCode = byCode.get(parentCode)?.parentCode ?? null;
  }
  return false;
}
