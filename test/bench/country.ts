import { DEFAULT_UNIT_SETTINGS, draftsOwnPlan, validateOrgTree, type OrgUnit, type OrgUnitKind, type UnitSettings } from '@plancycle/domain';
import { hashPassword, OrgUnitRepository } from '@plancycle/persistence';
import type { DataSource } from 'typeorm';

/** One province of the generated country, as the benchmark drives it. */
export interface CountryProvince {
  provinceCode: string;
  provinceName: string;
  /** The Sở that coordinates external information and watches every unit's plan and reports. */
  coordinatorCode: string;
  /** Its planning units (coordinator, departments, communes), in byte order: exactly what a cycle of the province takes part with. */
  unitCodes: string[];
  /** Admin of the province (role admin on the province): starts its cycles. Password `plancycle`. */
  admin: string;
  /** Holds coordinator and officer on the coordinator unit: reads the province's dashboard. Password `plancycle`. */
  coordinator: string;
}

export interface CountryOptions {
  /** Planning units over the whole country (default 4,400); each province gets between ~100 and ~200 of them at the default. */
  totalUnits?: number;
}

/**
 * The 34 provinces and cities of Việt Nam since 1/7/2025, each with roughly how many communes and
 * wards it has: the weight that spreads the planning units unevenly, like the real country. Gia Lai
 * and Đồng Nai keep the demo seed's codes (GL, DN), so Đà Nẵng is DNG.
 */
const PROVINCES: ReadonlyArray<{ code: string; name: string; communes: number }> = [
  { code: 'HN', name: 'Thành phố Hà Nội', communes: 126 },
  { code: 'HUE', name: 'Thành phố Huế', communes: 40 },
  { code: 'HP', name: 'Thành phố Hải Phòng', communes: 114 },
  { code: 'DNG', name: 'Thành phố Đà Nẵng', communes: 94 },
  { code: 'HCM', name: 'Thành phố Hồ Chí Minh', communes: 168 },
  { code: 'CT', name: 'Thành phố Cần Thơ', communes: 103 },
  { code: 'CB', name: 'tỉnh Cao Bằng', communes: 56 },
  { code: 'DB', name: 'tỉnh Điện Biên', communes: 45 },
  { code: 'HT', name: 'tỉnh Hà Tĩnh', communes: 69 },
  { code: 'LCH', name: 'tỉnh Lai Châu', communes: 38 },
  { code: 'LS', name: 'tỉnh Lạng Sơn', communes: 65 },
  { code: 'NA', name: 'tỉnh Nghệ An', communes: 130 },
  { code: 'QNI', name: 'tỉnh Quảng Ninh', communes: 54 },
  { code: 'TH', name: 'tỉnh Thanh Hóa', communes: 166 },
  { code: 'SL', name: 'tỉnh Sơn La', communes: 75 },
  { code: 'TQ', name: 'tỉnh Tuyên Quang', communes: 124 },
  { code: 'LCA', name: 'tỉnh Lào Cai', communes: 99 },
  { code: 'TNG', name: 'tỉnh Thái Nguyên', communes: 92 },
  { code: 'PT', name: 'tỉnh Phú Thọ', communes: 148 },
  { code: 'BN', name: 'tỉnh Bắc Ninh', communes: 99 },
  { code: 'HY', name: 'tỉnh Hưng Yên', communes: 104 },
  { code: 'NB', name: 'tỉnh Ninh Bình', communes: 129 },
  { code: 'QT', name: 'tỉnh Quảng Trị', communes: 78 },
  { code: 'QNG', name: 'tỉnh Quảng Ngãi', communes: 96 },
  { code: 'GL', name: 'tỉnh Gia Lai', communes: 135 },
  { code: 'KH', name: 'tỉnh Khánh Hòa', communes: 65 },
  { code: 'LD', name: 'tỉnh Lâm Đồng', communes: 124 },
  { code: 'DL', name: 'tỉnh Đắk Lắk', communes: 102 },
  { code: 'DN', name: 'tỉnh Đồng Nai', communes: 95 },
  { code: 'TNI', name: 'tỉnh Tây Ninh', communes: 96 },
  { code: 'VL', name: 'tỉnh Vĩnh Long', communes: 124 },
  { code: 'DT', name: 'tỉnh Đồng Tháp', communes: 102 },
  { code: 'CM', name: 'tỉnh Cà Mau', communes: 64 },
  { code: 'AG', name: 'tỉnh An Giang', communes: 102 },
];

/** Sở, ban, ngành that draft a plan of their own in most provinces (code, name, document symbol). */
const DEPARTMENTS: ReadonlyArray<[string, string, string]> = [
  ['SNGV', 'Sở Ngoại vụ', 'KH-SNgV'],
  ['STC', 'Sở Tài chính', 'KH-STC'],
  ['SCT', 'Sở Công Thương', 'KH-SCT'],
  ['SNV', 'Sở Nội vụ', 'KH-SNV'],
  ['STP', 'Sở Tư pháp', 'KH-STP'],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', 'KH-SGDĐT'],
  ['SYT', 'Sở Y tế', 'KH-SYT'],
  ['SXD', 'Sở Xây dựng', 'KH-SXD'],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', 'KH-SNNMT'],
  ['SKHCN', 'Sở Khoa học và Công nghệ', 'KH-SKHCN'],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', 'KH-SDTTG'],
  ['CAT', 'Công an tỉnh', 'KH-CAT'],
  ['BCHQS', 'Bộ Chỉ huy Quân sự tỉnh', 'KH-BCH'],
  ['BDBP', 'Bộ Chỉ huy Bộ đội Biên phòng tỉnh', 'KH-BĐBP'],
  ['BQLKKT', 'Ban Quản lý các Khu kinh tế tỉnh', 'KH-BQLKKT'],
  ['BAOPTTH', 'Báo và Phát thanh, Truyền hình tỉnh', 'KH-BPTTH'],
];

/** Two syllables make most names of communes and wards in the country. */
const NAME_PARTS = ['Tân', 'Phú', 'Hòa', 'An', 'Bình', 'Long', 'Thạnh', 'Phước', 'Vĩnh', 'Đông', 'Tây', 'Hưng', 'Thuận', 'Mỹ', 'Xuân', 'Quang', 'Minh', 'Trung', 'Lộc', 'Sơn'];

/** Since 1/7/2025 external information sits with the Sở Văn hóa, Thể thao và Du lịch (as in the seed's Đồng Nai). */
const COORDINATOR = { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', documentSymbol: 'KH-SVHTTDL' };

/**
 * The whole country for the benchmark: the 34 provinces, two-tier as since 1/7/2025, with
 * `totalUnits` planning units between them, and an admin and a coordinator account in each. The
 * seed's Gia Lai and Đồng Nai keep their units and accounts and get communes added. Bulk INSERTs and
 * idempotent: a second call adds nothing and answers the same. Units other helpers added (such as
 * addPlanningUnits' GL.TN01) are left alone and are not among a province's `unitCodes`.
 */
export async function addCountry(dataSource: DataSource, options: CountryOptions = {}): Promise<CountryProvince[]> {
  const totalUnits = options.totalUnits ?? 4_400;
  if (totalUnits < PROVINCES.length * 3) throw new Error(`addCountry: ${totalUnits} units are too few for ${PROVINCES.length} provinces.`);
  const existing = await existingUnits(dataSource);
  const shares = unitShares(totalUnits);
  const orgUnits = new OrgUnitRepository(dataSource);

  const provinces: CountryProvince[] = [];
  for (const [index, province] of PROVINCES.entries()) {
    const present = existing.get(province.code) ?? [];
    const wanted = provinceTree(province, present, shares[index]);
    const presentCodes = new Set(present.map((unit) => unit.code));
    const added = wanted.units.filter((unit) => !presentCodes.has(unit.code));
    const problems = validateOrgTree([...present, ...added]);
    if (problems.length > 0) throw new Error(`addCountry: ${province.code}'s tree is invalid: ${problems.map((problem) => problem.message).join(' ')}`);
    await orgUnits.insertMissing(added);
    const login = province.code.toLowerCase();
    provinces.push({
      provinceCode: province.code,
      provinceName: province.name,
      coordinatorCode: wanted.coordinatorCode,
      unitCodes: wanted.planners,
      admin: `admin.${login}`,
      coordinator: `dieuphoi.${login}`,
    });
  }
  await addAccounts(dataSource, provinces);
  return provinces;
}

async function existingUnits(dataSource: DataSource): Promise<Map<string, OrgUnit[]>> {
  const rows = (await dataSource.query(`SELECT code, province_code, parent_code, kind, name, settings FROM org_units`)) as Array<{
    code: string;
    province_code: string;
    parent_code: string | null;
    kind: OrgUnitKind;
    name: string;
    settings: UnitSettings;
  }>;
  const byProvince = new Map<string, OrgUnit[]>();
  for (const row of rows) {
    const unit: OrgUnit = { code: row.code, provinceCode: row.province_code, parentCode: row.parent_code, kind: row.kind, name: row.name, settings: row.settings };
    byProvince.set(unit.provinceCode, [...(byProvince.get(unit.provinceCode) ?? []), unit]);
  }
  return byProvince;
}

/**
 * Planning units per province, growing with its communes: at 4,400 in all, 100 for the province
 * with fewest (Lai Châu) to about 165 for the one with most (Hồ Chí Minh City); scaled to
 * `totalUnits`, the rounding remainder to the largest.
 */
function unitShares(totalUnits: number): number[] {
  const fewest = Math.min(...PROVINCES.map((province) => province.communes));
  const most = Math.max(...PROVINCES.map((province) => province.communes));
  const sizes = PROVINCES.map((province) => (province.communes - fewest) / (most - fewest));
  const floor = (100 * totalUnits) / 4_400;
  const step = (totalUnits - floor * PROVINCES.length) / sizes.reduce((total, size) => total + size, 0);
  const shares = sizes.map((size) => Math.max(3, Math.floor(floor + step * size)));
  const largest = sizes.indexOf(1);
  shares[largest] += totalUnits - shares.reduce((total, share) => total + share, 0);
  return shares;
}

/**
 * A province's tree with `planners` planning units: the seed's units where there are some, the
 * coordinator, departments (about one in ten), and communes, each commune with its Phòng Văn hóa - Xã
 * hội appraising the commune's plan before the commune's leader approves it.
 */
function provinceTree(province: (typeof PROVINCES)[number], present: readonly OrgUnit[], planners: number): { units: OrgUnit[]; coordinatorCode: string; planners: string[] } {
  const unit = (code: string, kind: OrgUnitKind, name: string, parentCode: string | null, settings: Partial<UnitSettings> = {}): OrgUnit => ({
    code,
    provinceCode: province.code,
    parentCode,
    kind,
    name,
    settings: { ...DEFAULT_UNIT_SETTINGS, ...settings },
  });
  const provinceCode = province.code;
  const seeded = present.find((candidate) => candidate.kind === 'coordinator');
  const coordinatorCode = seeded?.code ?? `${provinceCode}.${COORDINATOR.code}`;
  const units: OrgUnit[] = seeded
    ? []
    : [
        unit(provinceCode, 'province', `Ủy ban nhân dân ${province.name}`, null, { documentSymbol: 'KH-UBND' }),
        unit(`${provinceCode}.VP`, 'office', `Văn phòng Ủy ban nhân dân ${province.name}`, provinceCode, { participatesByDefault: false }),
        unit(coordinatorCode, 'coordinator', COORDINATOR.name, provinceCode, { escalationUnitCode: `${provinceCode}.VP`, documentSymbol: COORDINATOR.documentSymbol }),
      ];
  // The seed's planners of the province (none for a generated one); a test helper's units are not the seed's.
  const seedPlanners = present.filter((candidate) => isPlanner(candidate) && !/\.TN\d+$/.test(candidate.code)).map((candidate) => candidate.code);
  const chosen = new Set(seeded ? seedPlanners : [coordinatorCode]);

  const presentCodes = new Set(present.map((candidate) => candidate.code));
  const departmentCount = Math.min(DEPARTMENTS.length, Math.round(planners / 10));
  for (const [code, name, documentSymbol] of DEPARTMENTS.slice(0, departmentCount)) {
    if (chosen.size >= planners) break;
    const departmentCode = `${provinceCode}.${code}`;
    if (!presentCodes.has(departmentCode)) units.push(unit(departmentCode, 'department', name, provinceCode, { escalationUnitCode: coordinatorCode, documentSymbol }));
    chosen.add(departmentCode);
  }
  for (let number = 1; chosen.size < planners; number += 1) {
    const communeCode = `${provinceCode}.XA${String(number).padStart(3, '0')}`;
    const appraiserCode = `${communeCode}.PVHXH`;
    const name = `${number % 4 === 0 ? 'phường' : 'xã'} ${communeName(number)}`;
    units.push(
      unit(communeCode, 'commune', `Ủy ban nhân dân ${name}`, provinceCode, {
        needsAppraisal: true,
        appraiserUnitCode: appraiserCode,
        approverUnitCode: communeCode,
        escalationUnitCode: coordinatorCode,
        documentSymbol: 'KH-UBND',
      }),
      unit(appraiserCode, 'appraiser', `Phòng Văn hóa - Xã hội ${name}`, communeCode, { participatesByDefault: false, escalationUnitCode: communeCode }),
    );
    chosen.add(communeCode);
  }
  return { units, coordinatorCode, planners: [...chosen].sort(byteOrder) };
}

function isPlanner(unit: OrgUnit): boolean {
  return draftsOwnPlan(unit) && unit.kind !== 'province' && unit.settings.participatesByDefault;
}

const NAME_PAIRS = NAME_PARTS.flatMap((first) => NAME_PARTS.filter((second) => second !== first).map((second) => `${first} ${second}`));

/** Names unique within a province for up to 380 communes, then numbered. */
function communeName(number: number): string {
  const pairs = NAME_PAIRS;
  const index = (number - 1) % pairs.length;
  const round = Math.floor((number - 1) / pairs.length);
  // Spread over the list, so neighbouring communes do not all start alike.
  const name = pairs[(index * 7) % pairs.length];
  return round === 0 ? name : `${name} ${round + 1}`;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The admin and the coordinator of every province, one password hash for all, two statements. */
async function addAccounts(dataSource: DataSource, provinces: readonly CountryProvince[]): Promise<void> {
  const passwordHash = await hashPassword('plancycle');
  const people = provinces.flatMap((province) => [
    { username: province.admin, fullName: `Quản trị ${province.provinceName}`, unitCode: province.provinceCode, roles: ['admin'] },
    { username: province.coordinator, fullName: `Điều phối ${province.provinceName}`, unitCode: province.coordinatorCode, roles: ['coordinator', 'officer'] },
  ]);
  // Accounts already there (the seed's admin.gl, dieuphoi.gl, admin.dn) keep their password and roles.
  await dataSource.query(
    `INSERT INTO users (username, full_name, email, password_hash)
     SELECT username, full_name, username || '@plancycle.local', $3 FROM unnest($1::text[], $2::text[]) AS person (username, full_name)
     ON CONFLICT (username) DO NOTHING`,
    [people.map((person) => person.username), people.map((person) => person.fullName), passwordHash],
  );
  const roles = people.flatMap((person) => person.roles.map((role) => ({ username: person.username, unitCode: person.unitCode, role })));
  await dataSource.query(
    `INSERT INTO user_roles (user_id, unit_code, role)
     SELECT u.id, wanted.unit_code, wanted.role FROM unnest($1::text[], $2::text[], $3::text[]) AS wanted (username, unit_code, role)
     JOIN users u ON u.username = wanted.username
     ON CONFLICT DO NOTHING`,
    [roles.map((role) => role.username), roles.map((role) => role.unitCode), roles.map((role) => role.role)],
  );
}
