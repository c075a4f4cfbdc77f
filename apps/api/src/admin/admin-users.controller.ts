import { Body, Controller, Get, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { AdminUsersService } from './admin-users.service';
import { CreateUserDto } from './dtos/create-user.dto';
import { ReplaceRolesDto } from './dtos/role-assignment.dto';
import { SetActiveDto } from './dtos/set-active.dto';

const PROVINCE = { name: 'provinceCode', example: 'GL', description: 'Mã tỉnh' };
const USERNAME = { name: 'username', example: 'canbo.sokhdt', description: 'Tên đăng nhập' };
const FORBIDDEN = { status: 403, description: 'Không phải quản trị viên của tỉnh (AUTH_FORBIDDEN)' };
const NO_USER = { status: 404, description: 'Không có tài khoản này trong tỉnh (USER_NOT_FOUND)' };

@ApiTags('admin')
@ApiBearerAuth()
@Controller('provinces/:provinceCode/users')
export class AdminUsersController {
  constructor(@Inject(AdminUsersService) private readonly users: AdminUsersService) {}

  @Get()
  @ApiOperation({ summary: 'Tài khoản có vai trò trong tỉnh (quản trị viên của tỉnh)', description: 'Chỉ liệt kê vai trò trong tỉnh; không bao giờ trả mật khẩu.' })
  @ApiParam(PROVINCE)
  @ApiResponse({ status: 200, description: 'Danh sách theo tên đăng nhập' })
  @ApiResponse(FORBIDDEN)
  list(@Param('provinceCode') provinceCode: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.users.list(provinceCode, admin);
  }

  @Post()
  @ApiOperation({ summary: 'Tạo tài khoản cho người của một đơn vị trong tỉnh' })
  @ApiParam(PROVINCE)
  @ApiBody({
    type: CreateUserDto,
    examples: {
      officer: {
        summary: 'Cán bộ kiêm nhiệm của Sở Kế hoạch và Đầu tư',
        value: {
          username: 'canbo.sokhdt',
          fullName: 'Nguyễn Thị Mai',
          email: 'maint@gialai.gov.vn',
          password: 'Mat-khau-dai-10',
          roles: [{ role: 'officer', unitCode: 'GL.SKHDT' }],
        },
      },
    },
  })
  @ApiResponse({ status: 201, description: 'Đã tạo; trả về tài khoản (không có mật khẩu)' })
  @ApiResponse({
    status: 400,
    description: 'Dữ liệu không hợp lệ (USER_USERNAME_INVALID, USER_PASSWORD_TOO_SHORT, USER_ROLE_UNIT_UNKNOWN, USER_ADMIN_UNIT_INVALID, …); không ghi gì',
  })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 409, description: 'Tên đăng nhập đã có (USER_EXISTS)' })
  create(@Param('provinceCode') provinceCode: string, @Body() body: CreateUserDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.users.create(provinceCode, body, admin);
  }

  @Put(':username/roles')
  @ApiOperation({ summary: 'Thay toàn bộ vai trò của một tài khoản trong tỉnh', description: 'Vai trò ở tỉnh khác giữ nguyên. Có hiệu lực ngay với phiên đang đăng nhập.' })
  @ApiParam(PROVINCE)
  @ApiParam(USERNAME)
  @ApiBody({ type: ReplaceRolesDto, examples: { leader: { summary: 'Chuyển sang lãnh đạo phụ trách', value: { roles: [{ role: 'leader_in_charge', unitCode: 'GL.SKHDT' }] } } } })
  @ApiResponse({ status: 200, description: 'Đã thay; trả về tài khoản' })
  @ApiResponse({ status: 400, description: 'Vai trò không hợp lệ (USER_ROLE_INVALID, USER_ROLE_UNIT_UNKNOWN, …); không ghi gì' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NO_USER)
  replaceRoles(
    @Param('provinceCode') provinceCode: string,
    @Param('username') username: string,
    @Body() body: ReplaceRolesDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return this.users.replaceRoles(provinceCode, username, body.roles, admin);
  }

  @Put(':username/active')
  @ApiOperation({
    summary: 'Khóa hoặc mở lại một tài khoản',
    description: 'Tài khoản bị khóa không đăng nhập được và phiên đang có mất hiệu lực ngay. Không tự khóa chính mình được.',
  })
  @ApiParam(PROVINCE)
  @ApiParam(USERNAME)
  @ApiBody({ type: SetActiveDto, examples: { deactivate: { summary: 'Khóa tài khoản', value: { active: false } } } })
  @ApiResponse({ status: 200, description: 'Đã đổi trạng thái; trả về tài khoản' })
  @ApiResponse({ status: 400, description: 'active không phải true/false (USER_ACTIVE_INVALID)' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse(NO_USER)
  @ApiResponse({ status: 409, description: 'Tự khóa tài khoản của chính mình (USER_SELF_DEACTIVATE)' })
  setActive(
    @Param('provinceCode') provinceCode: string,
    @Param('username') username: string,
    @Body() body: SetActiveDto,
    @CurrentUser() admin: AuthenticatedUser,
  ) {
    return this.users.setActive(provinceCode, username, body.active, admin);
  }
}
