import { Column, Entity, JoinColumn, ManyToOne, OneToMany, PrimaryColumn, Unique, type Relation } from 'typeorm';
import type { CycleCalendar, CycleStage } from '@plancycle/domain';
import { CycleUnitEntity } from './cycle-unit.entity';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'cycles' })
@Unique('cycles_province_code_year_key', ['provinceCode', 'year'])
export class CycleEntity {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ name: 'province_code', type: 'text' })
  provinceCode!: string;

  @Column({ type: 'int' })
  year!: number;

  @Column({ name: 'workflow_id', type: 'text', unique: true })
  workflowId!: string;

  @Column({ type: 'text' })
  stage!: CycleStage;

  @Column({ type: 'jsonb' })
  calendar!: CycleCalendar;

  @Column({ name: 'started_by', type: 'uuid', nullable: true })
  startedBy!: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** The workflow's own counter: a write with a lower one is stale and ignored. */
  @Column({ type: 'int', default: 0 })
  sequence!: number;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt!: Date;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'province_code' })
  province!: Relation<OrgUnitEntity>;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'started_by' })
  starter!: Relation<UserEntity> | null;

  @OneToMany(() => CycleUnitEntity, (unit) => unit.cycle)
  units!: Relation<CycleUnitEntity[]>;
}
