import { Body, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OrgUnitRepository } from '@plancycle/persistence';
import { AdminUsersService } from '../../admin/admin-users.service';
import { CreateUserDto } from '../../admin/dtos/create-user.dto';
import { ReplaceRolesDto } from '../../admin/dtos/role-assignment.dto';
import { notFound } from '../../common/api-exception';
import { Web, WebController, type WebContext } from '../session/web-context';
import { messagesOf, one, refusalOf, validated, type Refusal } from '../forms';
import { AdminScopes, scopedPath, type AdminScope } from './admin-scope';
import { doneNotice } from './admin.view';
import { blankRoleRows, roleRowsOf, type RoleRow } from './role-rows';
import { rolesPage, usersPage, type NewUserValues } from './users.view';

const EMPTY_FORM: NewUserValues = { username: '', fullName: '', email: '', roles: blankRoleRows(3) };

/** The province's accounts: the API's AdminUsersService behind forms. */
@WebController('admin/users')
export class AdminUsersPagesController {
  constructor(
    @Inject(AdminScopes) private readonly scopes: AdminScopes,
    @Inject(AdminUsersService) private readonly users: AdminUsersService,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
  ) {}

  @Get()
  async list(@Web() context: WebContext, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, query.province);
    await this.sendList(context, scope, response, { form: EMPTY_FORM, problems: [], notice: doneNotice(context, query.done) });
  }

  @Post()
  async create(@Web() context: WebContext, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, body.province);
    const { rows, roles, problems } = roleRowsOf(body, context);
    const form: NewUserValues = { username: one(body.username).trim(), fullName: one(body.fullName), email: one(body.email).trim(), roles: rows };
    if (problems.length > 0) return this.sendList(context, scope, response, { form, problems, notice: null }, 400);
    try {
      const dto = await validated(CreateUserDto, { username: form.username, fullName: form.fullName, email: form.email, password: one(body.password), roles });
      await this.users.create(scope.province.code, dto, context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return this.sendList(context, scope, response, { form, problems: messagesOf(refusal), notice: null }, refusal.status);
    }
    response.redirect(303, `${scopedPath(scope, '/app/admin/users', { done: 'created' })}#user-${encodeURIComponent(form.username)}`);
  }

  @Get(':username')
  async roles(@Web() context: WebContext, @Param('username') username: string, @Query('province') requested: unknown, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, requested);
    const user = await this.userOf(scope, username, context);
    const rows: RoleRow[] = [...user.roles.map((role) => ({ role: role.role, unit: role.unitCode, remove: false })), ...blankRoleRows()];
    const units = await this.orgUnits.listProvinceUnits(scope.province.code);
    response.type('html').send(rolesPage(context, scope, { user, units, rows, problems: [] }));
  }

  @Post(':username/roles')
  async replaceRoles(@Web() context: WebContext, @Param('username') username: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, body.province);
    const { rows, roles, problems } = roleRowsOf(body, context);
    let refusal: Refusal | null = null;
    if (problems.length === 0) {
      try {
        const dto = await validated(ReplaceRolesDto, { roles });
        await this.users.replaceRoles(scope.province.code, username, dto.roles, context.user);
      } catch (error) {
        refusal = refusalOf(error);
        if (!refusal) throw error;
      }
    }
    if (problems.length > 0 || refusal) {
      const user = await this.userOf(scope, username, context);
      const units = await this.orgUnits.listProvinceUnits(scope.province.code);
      const page = rolesPage(context, scope, { user, units, rows, problems: refusal ? messagesOf(refusal) : problems });
      response.status(refusal?.status ?? 400).type('html').send(page);
      return;
    }
    response.redirect(303, `${scopedPath(scope, '/app/admin/users', { done: 'roles' })}#user-${encodeURIComponent(username)}`);
  }

  @Post(':username/active')
  async setActive(@Web() context: WebContext, @Param('username') username: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, body.province);
    const active = one(body.active) === 'true';
    try {
      await this.users.setActive(scope.province.code, username, active, context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      return this.sendList(context, scope, response, { form: EMPTY_FORM, problems: messagesOf(refusal), notice: null }, refusal.status);
    }
    response.redirect(303, `${scopedPath(scope, '/app/admin/users', { done: active ? 'activated' : 'deactivated' })}#user-${encodeURIComponent(username)}`);
  }

  private async sendList(
    context: WebContext,
    scope: AdminScope,
    response: Response,
    state: { form: NewUserValues; problems: readonly string[]; notice: string | null },
    status = 200,
  ): Promise<void> {
    const [users, units] = await Promise.all([this.users.list(scope.province.code, context.user), this.orgUnits.listProvinceUnits(scope.province.code)]);
    response.status(status).type('html').send(usersPage(context, scope, { users, units, ...state }));
  }

  /** The account as the province's list shows it: one with no role in the province is not this admin's. */
  private async userOf(scope: AdminScope, username: string, context: WebContext) {
    const user = (await this.users.list(scope.province.code, context.user)).find((candidate) => candidate.username === username);
    if (!user) throw notFound('USER_NOT_FOUND', `Không có tài khoản "${username}" trong ${scope.province.name}.`);
    return user;
  }
}
