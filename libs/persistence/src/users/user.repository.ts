import { isUuid } from '../is-uuid';
import type { DataSource, EntityManager, FindOptionsWhere } from 'typeorm';
import type { RoleAssignment } from '@plancycle/domain';
import { UserEntity } from '../entities/user.entity';
import type { CreateUserInput, UpsertUserInput, UserRecord, UserSummary } from './user-record';


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
    if (!isUuid(id)) return null;
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

  /**
   * Creates a new account with its roles in one transaction. Null when the username is taken: the
   * unique index decides, so two admins creating the same name at once cannot both succeed.
   */
  async createUser(input: CreateUserInput): Promise<UserRecord | null> {
    const id = await this.db.transaction(async (manager) => {
      const rows = (await manager.query(
        `INSERT INTO users (username, full_name, email, password_hash, active)
         VALUES ($1, $2, $3, $4, true)
         ON CONFLICT (username) DO NOTHING
         RETURNING id`,
        [input.username, input.fullName, input.email, input.passwordHash],
      )) as Array<{ id: string }>;
      if (rows.length === 0) return null;
      await insertRoles(manager, rows[0].id, input.roles);
      return rows[0].id;
    });
    return id === null ? null : this.findById(id);
  }

  /** Users holding any role on one of `unitCodes`, with only those roles listed. */
  async listHoldingRolesOn(unitCodes: readonly string[]): Promise<UserSummary[]> {
    const rows = (await this.db.query(
      `SELECT u.id, u.username, u.full_name, u.email, u.active,
              json_agg(json_build_object('role', r.role, 'unitCode', r.unit_code) ORDER BY r.unit_code, r.role) AS roles
       FROM users u
       JOIN user_roles r ON r.user_id = u.id
       WHERE r.unit_code = ANY($1::text[])
       GROUP BY u.id
       ORDER BY u.username`,
      [unitCodes],
    )) as Array<{ id: string; username: string; full_name: string; email: string; active: boolean; roles: RoleAssignment[] }>;
    return rows.map((row) => ({ id: row.id, username: row.username, fullName: row.full_name, email: row.email, active: row.active, roles: row.roles }));
  }

  /**
   * Replaces the user's roles on `withinUnitCodes` (one province) by `roles`, leaving roles held on
   * other units alone; one transaction, so a reader never sees the user with no roles in between.
   */
  async replaceRolesWithin(userId: string, withinUnitCodes: readonly string[], roles: readonly RoleAssignment[]): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query(`DELETE FROM user_roles WHERE user_id = $1 AND unit_code = ANY($2::text[])`, [userId, withinUnitCodes]);
      await insertRoles(manager, userId, roles);
    });
  }

  async setActive(userId: string, active: boolean): Promise<void> {
    await this.db.query(`UPDATE users SET active = $2 WHERE id = $1`, [userId, active]);
  }

  private async findOne(where: FindOptionsWhere<UserEntity>): Promise<UserRecord | null> {
    const entity = await this.db.getRepository(UserEntity).findOne({ where, relations: { roles: true } });
    return entity ? toUserRecord(entity) : null;
  }
}

async function insertRoles(manager: EntityManager, userId: string, roles: readonly RoleAssignment[]): Promise<void> {
  await manager.query(
    `INSERT INTO user_roles (user_id, unit_code, role)
     SELECT $1, unit_code, role FROM unnest($2::text[], $3::text[]) AS wanted (unit_code, role)
     ON CONFLICT DO NOTHING`,
    [userId, roles.map((assignment) => assignment.unitCode), roles.map((assignment) => assignment.role)],
  );
}
