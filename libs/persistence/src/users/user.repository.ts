import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import { UserEntity } from '../entities/user.entity';
import type { UpsertUserInput, UserRecord } from './user-record';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toUserRecord(entity: UserEntity): UserRecord {
  return {
    id: entity.id,
    username: entity.username,
    fullName: entity.fullName,
    email: entity.email,
    passwordHash: entity.passwordHash,
    active: entity.active,
    roles: [...(entity.roles ?? [])]
      .sort((a, b) => a.unitCode.localeCompare(b.unitCode) || a.role.localeCompare(b.role))
      .map((role) => ({ role: role.role, unitCode: role.unitCode })),
  };
}

export class UserRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async findByUsername(username: string): Promise<UserRecord | null> {
    return this.findOne({ username });
  }

  /** Null for an id that is not a uuid too (e.g. a forged token subject), instead of a database error. */
  async findById(id: string): Promise<UserRecord | null> {
    if (!UUID.test(id)) return null;
    return this.findOne({ id });
  }

  /** Creates the user or updates it by username, and sets its roles to exactly `input.roles`. */
  async upsertUser(input: UpsertUserInput): Promise<UserRecord> {
    const id = await this.db.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO users (username, full_name, email, password_hash, active)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (username) DO UPDATE SET
           full_name = excluded.full_name,
           email = excluded.email,
           password_hash = excluded.password_hash,
           active = excluded.active
         RETURNING id`,
        [input.username, input.fullName, input.email, input.passwordHash, input.active ?? true],
      )) as Array<{ id: string }>;

      const units = input.roles.map((assignment) => assignment.unitCode);
      const roles = input.roles.map((assignment) => assignment.role);
      await manager.query(
        `DELETE FROM user_roles
         WHERE user_id = $1
           AND (unit_code, role) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
        [row.id, units, roles],
      );
      await manager.query(
        `INSERT INTO user_roles (user_id, unit_code, role)
         SELECT $1, unit_code, role FROM unnest($2::text[], $3::text[]) AS wanted (unit_code, role)
         ON CONFLICT DO NOTHING`,
        [row.id, units, roles],
      );
      return row.id;
    });
    const user = await this.findById(id);
    if (!user) throw new Error(`User ${input.username} vanished right after it was saved`);
    return user;
  }

  private async findOne(where: FindOptionsWhere<UserEntity>): Promise<UserRecord | null> {
    const entity = await this.db.getRepository(UserEntity).findOne({ where, relations: { roles: true } });
    return entity ? toUserRecord(entity) : null;
  }
}
