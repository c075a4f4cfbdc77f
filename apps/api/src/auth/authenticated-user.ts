import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { RoleAssignment } from '@plancycle/domain';

export interface AuthenticatedUser {
  id: string;
  username: string;
  fullName: string;
  roles: RoleAssignment[];
}

export const IS_PUBLIC = 'plancycle:public';
/** Routes are closed by default; this opens one to anonymous callers. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

export const CurrentUser = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthenticatedUser => context.switchToHttp().getRequest().user,
);
