import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { UnitStage } from '@plancycle/domain';
import { CycleEntity } from './cycle.entity';
import { OrgUnitEntity } from './org-unit.entity';

@Entity({ name: 'cycle_units' })
export class CycleUnitEntity {
  @PrimaryColumn({ name: 'cycle_id', type: 'text' })
  cycleId!: string;

  @PrimaryColumn({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ type: 'text' })
  stage!: UnitStage;

  @Column({ name: 'workflow_id', type: 'text' })
  workflowId!: string;

  /** The unit workflow's own counter, independent of the cycle's. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => CycleEntity, (cycle) => cycle.units, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'cycle_id' })
  cycle!: Relation<CycleEntity>;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'unit_code' })
  unit!: Relation<OrgUnitEntity>;
}
