import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import type { Role } from '@plancycle/domain';
import { OrgUnitEntity } from './org-unit.entity';
import { UserEntity } from './user.entity';

@Entity({ name: 'user_roles' })
export class UserRoleEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @PrimaryColumn({ type: 'text' })
  role!: Role;

  @ManyToOne(() => UserEntity, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user!: Relation<UserEntity>;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'unit_code' })
  unit!: Relation<OrgUnitEntity>;
}
