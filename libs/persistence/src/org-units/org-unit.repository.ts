import type { DataSource, EntityManager } from 'typeorm';
import type { OrgUnit, UnitSettings } from '@plancycle/domain';
import { OrgUnitEntity } from '../entities/org-unit.entity';

function toOrgUnit(entity: OrgUnitEntity): OrgUnit {
  return {
    code: entity.code,
    provinceCode: entity.provinceCode,
    parentCode: entity.parentCode,
    kind: entity.kind,
    name: entity.name,
    settings: entity.settings,
  };
}

/** Byte order, whatever the database's collation: `GL.PLEIKU` before `GL.PLEIKU.PVHTT` before `GL.SNGV`. */
function byCode(a: OrgUnit, b: OrgUnit): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

/** Parents before children, so the rows read in the order a tree is drawn. */
function parentsFirst(units: readonly OrgUnit[]): OrgUnit[] {
  const index = new Map(units.map((unit) => [unit.code, unit]));
  const depth = (unit: OrgUnit, seen = new Set<string>()): number => {
    const parent = unit.parentCode === null ? undefined : index.get(unit.parentCode);
    if (!parent || seen.has(unit.code)) return 0;
    seen.add(unit.code);
    return 1 + depth(parent, seen);
  };
  return [...units].sort((a, b) => depth(a) - depth(b) || byCode(a, b));
}

export class OrgUnitRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async findByCode(code: string): Promise<OrgUnit | null> {
    const entity = await this.db.getRepository(OrgUnitEntity).findOneBy({ code });
    return entity ? toOrgUnit(entity) : null;
  }

  /** Every unit of one province, the province itself included, ordered by code. */
  async listProvinceUnits(provinceCode: string): Promise<OrgUnit[]> {
    const entities = await this.db.getRepository(OrgUnitEntity).findBy({ provinceCode });
    return entities.map(toOrgUnit).sort(byCode);
  }

  async listProvinces(): Promise<OrgUnit[]> {
    const entities = await this.db.getRepository(OrgUnitEntity).findBy({ kind: 'province' });
    return entities.map(toOrgUnit).sort(byCode);
  }

  /** Replaces one unit's settings; the caller has checked the province's tree with them applied. */
  async updateSettings(code: string, settings: UnitSettings): Promise<void> {
    await this.db.query(`UPDATE org_units SET settings = $2::jsonb, updated_at = now() WHERE code = $1`, [code, JSON.stringify(settings)]);
  }

  /**
   * Inserts the units that are missing, in one statement, parents first; existing units stay as they
   * are, since an admin may have edited them.
   */
  async insertMissing(units: readonly OrgUnit[]): Promise<void> {
    if (units.length === 0) return;
    const parameters: unknown[] = [];
    const rows = parentsFirst(units).map((unit) => {
      const at = parameters.length;
      parameters.push(unit.code, unit.provinceCode, unit.parentCode, unit.kind, unit.name, JSON.stringify(unit.settings));
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}::jsonb)`;
    });
    await this.db.query(
      `INSERT INTO org_units (code, province_code, parent_code, kind, name, settings)
       VALUES ${rows.join(',\n')}
       ON CONFLICT (code) DO NOTHING`,
      parameters,
    );
  }
}
