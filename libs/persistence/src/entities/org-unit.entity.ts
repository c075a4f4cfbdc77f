import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { OrgUnitKind, UnitSettings } from '@plancycle/domain';

@Entity({ name: 'org_units' })
export class OrgUnitEntity {
  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ name: 'province_code', type: 'text' })
  provinceCode!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ type: 'text' })
  kind!: OrgUnitKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  settings!: UnitSettings;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;
}
