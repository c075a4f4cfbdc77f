import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsString, MaxLength, ValidateNested } from 'class-validator';
import { ROLES, type Role } from '@plancycle/domain';

const rule = (code: string, message: string) => ({ message, context: { code } });
const role = rule('USER_ROLE_INVALID', `Vai trò (role) phải là một trong: ${ROLES.join(', ')}.`);
const unitCode = rule('USER_ROLE_UNIT_UNKNOWN', 'Mã đơn vị của vai trò (unitCode) phải là chuỗi ký tự, ví dụ "GL.SNGV".');
// A user holds a handful of roles; the cap only stops a runaway client.
const ROLES_MAX = 50;
export const rolesRule = rule('USER_ROLES_REQUIRED', `Danh sách vai trò (roles) phải có từ 1 đến ${ROLES_MAX} vai trò, mỗi vai trò gồm role và unitCode.`);

export class RoleAssignmentDto {
  @ApiProperty({ enum: ROLES, example: 'officer' })
  @IsIn(ROLES, role)
  role!: Role;

  @ApiProperty({ example: 'GL.SNGV', description: 'Mã một đơn vị của tỉnh; vai trò admin chỉ đặt trên chính đơn vị tỉnh' })
  @IsString(unitCode)
  @MaxLength(100, unitCode)
  unitCode!: string;
}

/** Shared by account creation and role replacement so both refuse the same lists the same way. */
export function RolesList(): PropertyDecorator {
  return (target, key) => {
    IsArray(rolesRule)(target, key);
    ArrayMinSize(1, rolesRule)(target, key);
    ArrayMaxSize(ROLES_MAX, rolesRule)(target, key);
    ValidateNested({ each: true, ...rolesRule })(target, key);
    Type(() => RoleAssignmentDto)(target, key);
  };
}

export class ReplaceRolesDto {
  @ApiProperty({ type: [RoleAssignmentDto], description: 'Toàn bộ vai trò của người dùng trong tỉnh này; vai trò ở tỉnh khác giữ nguyên' })
  @RolesList()
  roles!: RoleAssignmentDto[];
}
