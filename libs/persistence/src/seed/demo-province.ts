import { DEFAULT_UNIT_SETTINGS, type OrgUnit, type OrgUnitKind, type UnitSettings } from '@plancycle/domain';

type UnitOf = (code: string, kind: OrgUnitKind, name: string, parentCode: string | null, settings?: Partial<UnitSettings>) => OrgUnit;

function unitsOf(provinceCode: string): UnitOf {
  return (code, kind, name, parentCode, settings = {}) => ({
    code,
    provinceCode,
    parentCode,
    kind,
    name,
    settings: { ...DEFAULT_UNIT_SETTINGS, ...settings },
  });
}

/** Gives opinions and forwards letters but drafts no plan of its own. */
const NOT_A_PLANNER: Partial<UnitSettings> = { participatesByDefault: false };

/**
 * Gia Lai as in its 2023 plan 516/KH-UBND (seed 003): three tiers, Sở Thông tin và Truyền thông
 * coordinating, and the agencies of section III. Districts are the border ones the plan's
 * border-communication tasks are about; each has a Phòng Văn hóa và Thông tin that appraises the
 * plans of its communes and of the district itself before approval (seed 001, II.1).
 */
export function giaLaiUnits(): OrgUnit[] {
  const unit = unitsOf('GL');
  const department = (code: string, name: string, documentSymbol: string, settings: Partial<UnitSettings> = {}) =>
    unit(`GL.${code}`, 'department', name, 'GL', { escalationUnitCode: 'GL.STTTT', documentSymbol, ...settings });

  const district = (code: string, name: string, communes: Array<[string, string]>): OrgUnit[] => {
    const districtCode = `GL.${code}`;
    const appraiserCode = `${districtCode}.PVHTT`;
    return [
      unit(districtCode, 'district', `Ủy ban nhân dân ${name}`, 'GL', {
        needsAppraisal: true,
        appraiserUnitCode: appraiserCode,
        escalationUnitCode: 'GL.STTTT',
        documentSymbol: 'KH-UBND',
      }),
      unit(appraiserCode, 'appraiser', `Phòng Văn hóa và Thông tin ${name}`, districtCode, {
        ...NOT_A_PLANNER,
        escalationUnitCode: districtCode,
      }),
      ...communes.map(([communeCode, communeName]) =>
        unit(`${districtCode}.${communeCode}`, 'commune', `Ủy ban nhân dân ${communeName}`, districtCode, {
          needsAppraisal: true,
          appraiserUnitCode: appraiserCode,
          approverUnitCode: districtCode,
          escalationUnitCode: districtCode,
          documentSymbol: 'KH-UBND',
        }),
      ),
    ];
  };

  return [
    unit('GL', 'province', 'Ủy ban nhân dân tỉnh Gia Lai', null, { documentSymbol: 'KH-UBND' }),
    unit('GL.VP', 'office', 'Văn phòng Ủy ban nhân dân tỉnh', 'GL', NOT_A_PLANNER),
    unit('GL.STTTT', 'coordinator', 'Sở Thông tin và Truyền thông', 'GL', {
      escalationUnitCode: 'GL.VP',
      documentSymbol: 'KH-STTTT',
    }),
    department('SNGV', 'Sở Ngoại vụ', 'KH-SNgV'),
    department('SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', 'KH-SVHTTDL'),
    department('SCT', 'Sở Công Thương', 'KH-SCT'),
    department('SKHDT', 'Sở Kế hoạch và Đầu tư', 'KH-SKHĐT'),
    department('STC', 'Sở Tài chính', 'KH-STC'),
    department('CAT', 'Công an tỉnh', 'KH-CAT'),
    department('BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'KH-BCH'),
    department('BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'KH-BĐBP'),
    department('BQLKKT', 'Ban Quản lý Khu kinh tế tỉnh', 'KH-BQLKKT'),
    department('HQ', 'Cục Hải quan Gia Lai - Kon Tum', 'KH-HQGLKT'),
    department('BAOGL', 'Báo Gia Lai', 'KH-BGL'),
    department('PTTH', 'Đài Phát thanh - Truyền hình Gia Lai', 'KH-PTTH'),
    // The plan only asks these two ("Đề nghị", III.1–2): they answer to the Party and the Front,
    // not to the provincial People's Committee, so an admin adds them to a cycle by choice.
    department('MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', 'KH-MTTQ', NOT_A_PLANNER),
    department('BTGTU', 'Ban Tuyên giáo Tỉnh ủy', 'KH-BTGTU', NOT_A_PLANNER),
    ...district('PLEIKU', 'thành phố Pleiku', [
      ['BIENHO', 'xã Biển Hồ'],
      ['HOITHUONG', 'phường Hội Thương'],
    ]),
    ...district('DUCCO', 'huyện Đức Cơ', [
      ['IADOM', 'xã Ia Dom'],
      ['IANAN', 'xã Ia Nan'],
    ]),
    ...district('CHUPRONG', 'huyện Chư Prông', [
      ['IAMO', 'xã Ia Mơ'],
      ['IAPUCH', 'xã Ia Púch'],
    ]),
  ];
}

/**
 * Đồng Nai after 1/7/2025: two tiers, no districts. External information now sits with the Sở
 * Văn hóa, Thể thao và Du lịch, and each commune or ward has its own Phòng Văn hóa - Xã hội that
 * appraises the commune's plan before the commune's own leader approves it.
 */
export function dongNaiUnits(): OrgUnit[] {
  const unit = unitsOf('DN');
  const department = (code: string, name: string, documentSymbol: string) =>
    unit(`DN.${code}`, 'department', name, 'DN', { escalationUnitCode: 'DN.SVHTTDL', documentSymbol });

  const commune = (code: string, name: string): OrgUnit[] => {
    const communeCode = `DN.${code}`;
    const appraiserCode = `${communeCode}.PVHXH`;
    return [
      unit(communeCode, 'commune', `Ủy ban nhân dân ${name}`, 'DN', {
        needsAppraisal: true,
        appraiserUnitCode: appraiserCode,
        approverUnitCode: communeCode,
        escalationUnitCode: 'DN.SVHTTDL',
        documentSymbol: 'KH-UBND',
      }),
      unit(appraiserCode, 'appraiser', `Phòng Văn hóa - Xã hội ${name}`, communeCode, {
        ...NOT_A_PLANNER,
        escalationUnitCode: communeCode,
      }),
    ];
  };

  return [
    unit('DN', 'province', 'Ủy ban nhân dân tỉnh Đồng Nai', null, { documentSymbol: 'KH-UBND' }),
    unit('DN.VP', 'office', 'Văn phòng Ủy ban nhân dân tỉnh', 'DN', NOT_A_PLANNER),
    unit('DN.SVHTTDL', 'coordinator', 'Sở Văn hóa, Thể thao và Du lịch', 'DN', {
      escalationUnitCode: 'DN.VP',
      documentSymbol: 'KH-SVHTTDL',
    }),
    department('STC', 'Sở Tài chính', 'KH-STC'),
    department('SCT', 'Sở Công Thương', 'KH-SCT'),
    department('CAT', 'Công an tỉnh', 'KH-CAT'),
    department('BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'KH-BĐBP'),
    department('BAOPTTH', 'Báo và Phát thanh, Truyền hình Đồng Nai', 'KH-BPTTH'),
    ...commune('TRANBIEN', 'phường Trấn Biên'),
    ...commune('BIENHOA', 'phường Biên Hòa'),
    ...commune('LONGKHANH', 'phường Long Khánh'),
    ...commune('LOCNINH', 'xã Lộc Ninh'),
  ];
}

/** Every demo province, each a complete unit tree. */
export function demoProvinces(): OrgUnit[][] {
  return [giaLaiUnits(), dongNaiUnits()];
}
