import { Inject, Injectable } from '@nestjs/common';
import type { OrgUnit } from '@plancycle/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ProvinceAccessService } from '../../auth/province-access.service';
import { forbidden } from '../../common/api-exception';

/** The province an admin is working on, and every province they administer (for the selector). */
export interface AdminScope {
  province: OrgUnit;
  provinces: OrgUnit[];
}

const REFUSAL = { unknownCode: 'PROVINCE_NOT_FOUND', onlyAdminMay: 'dùng các trang quản trị của tỉnh' };

/**
 * Who may open the admin pages is the API's rule (ProvinceAccessService.adminProvince), asked for
 * the province named in the request or, when none is, for the user's own: so a non-admin gets the
 * same 403 and message as from the API.
 */
@Injectable()
export class AdminScopes {
  constructor(@Inject(ProvinceAccessService) private readonly access: ProvinceAccessService) {}

  async of(user: AuthenticatedUser, requested?: unknown): Promise<AdminScope> {
    const adminCodes = [...new Set(user.roles.filter((role) => role.role === 'admin').map((role) => role.unitCode))].sort();
    const provinces = (await Promise.all(adminCodes.map((code) => this.access.adminProvince(user, code, REFUSAL).catch(() => null)))).filter(
      (province): province is OrgUnit => province !== null,
    );
    if (typeof requested === 'string' && requested !== '') {
      const province = await this.access.adminProvince(user, requested, REFUSAL);
      return { province, provinces: provinces.length > 0 ? provinces : [province] };
    }
    if (provinces.length > 0) return { province: provinces[0], provinces };
    // Not an admin anywhere: ask for the user's own province, which refuses with the API's message.
    const [own] = [...(await this.access.provincesOf(user))].sort();
    if (!own) throw forbidden();
    const province = await this.access.adminProvince(user, own, REFUSAL);
    return { province, provinces: [province] };
  }
}

/** A link inside the admin pages keeps the chosen province when the admin has more than one. */
export function scopedPath(scope: AdminScope, path: string, query: Record<string, string> = {}): string {
  const parameters = new URLSearchParams(query);
  if (scope.provinces.length > 1) parameters.set('province', scope.province.code);
  const search = parameters.toString();
  return search ? `${path}${path.includes('?') ? '&' : '?'}${search}` : path;
}
