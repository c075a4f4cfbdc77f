import { Body, Get, Inject, Param, Post, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { OrgUnit } from '@plancycle/domain';
import { OrgUnitRepository } from '@plancycle/persistence';
import { UpdateUnitSettingsDto } from '../../admin/dtos/update-unit-settings.dto';
import { UnitSettingsService } from '../../admin/unit-settings.service';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { notFound } from '../../common/api-exception';
import { Web, WebController, type WebContext } from '../session/web-context';
import { messagesOf, one, refusalOf, ticked, validated } from '../forms';
import { AdminScopes, scopedPath, type AdminScope } from './admin-scope';
import { doneNotice } from './admin.view';
import { unitFormPage, unitsPage, type UnitFormValues } from './units.view';

/** The province's units and, per unit, who appraises, approves and hears of overdue work. */
@WebController('admin/units')
export class AdminUnitsController {
  constructor(
    @Inject(AdminScopes) private readonly scopes: AdminScopes,
    @Inject(OrgUnitRepository) private readonly orgUnits: OrgUnitRepository,
    @Inject(UnitSettingsService) private readonly settings: UnitSettingsService,
  ) {}

  @Get()
  async list(@Web() context: WebContext, @Query() query: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const scope = await this.scopes.of(context.user, query.province);
    const units = await this.orgUnits.listProvinceUnits(scope.province.code);
    response.type('html').send(unitsPage(context, scope, units, doneNotice(context, query.done)));
  }

  @Get(':code')
  async form(@Web() context: WebContext, @Param('code') code: string, @Res() response: Response): Promise<void> {
    const { scope, unit, units } = await this.unitOf(context.user, code);
    const values: UnitFormValues = { ...unit.settings, documentSymbol: unit.settings.documentSymbol ?? '' };
    response.type('html').send(unitFormPage(context, scope, unit, units, values, []));
  }

  /** Every field is sent as the form shows it; the service checks the whole province with it applied. */
  @Post(':code')
  async save(@Web() context: WebContext, @Param('code') code: string, @Body() body: Record<string, unknown>, @Res() response: Response): Promise<void> {
    const { scope, unit, units } = await this.unitOf(context.user, code);
    const symbol = one(body.documentSymbol).trim();
    const change = {
      needsAppraisal: ticked(body.needsAppraisal),
      participatesByDefault: ticked(body.participatesByDefault),
      appraiserUnitCode: one(body.appraiserUnitCode) || null,
      approverUnitCode: one(body.approverUnitCode) || null,
      escalationUnitCode: one(body.escalationUnitCode) || null,
      // The API cannot clear a symbol either: empty means "leave it as it is".
      ...(symbol ? { documentSymbol: symbol } : {}),
    };
    try {
      await this.settings.update(unit.code, await validated(UpdateUnitSettingsDto, change), context.user);
    } catch (error) {
      const refusal = refusalOf(error);
      if (!refusal) throw error;
      const values: UnitFormValues = { ...unit.settings, ...change, documentSymbol: symbol };
      response.status(refusal.status).type('html').send(unitFormPage(context, scope, unit, units, values, messagesOf(refusal)));
      return;
    }
    response.redirect(303, `${scopedPath(scope, '/app/admin/units', { done: 'saved' })}#unit-${encodeURIComponent(unit.code)}`);
  }

  /** The unit, if this admin administers its province (403 otherwise, as the API answers). */
  private async unitOf(user: AuthenticatedUser, code: string): Promise<{ scope: AdminScope; unit: OrgUnit; units: OrgUnit[] }> {
    const unit = await this.orgUnits.findByCode(code);
    if (!unit) throw notFound('UNIT_NOT_FOUND', `Không tìm thấy đơn vị có mã "${code}".`);
    const scope = await this.scopes.of(user, unit.provinceCode);
    return { scope, unit, units: await this.orgUnits.listProvinceUnits(unit.provinceCode) };
  }
}
