import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { AssignStaffDto, StaffParamsDto } from './dtos/assign-staff.dto';
import { UnitStaffService } from './unit-staff.service';

const FORBIDDEN = { status: 403, description: 'Không có quyền (AUTH_FORBIDDEN)' };

@ApiTags('unit-staff')
@ApiBearerAuth()
@Controller()
export class UnitStaffController {
  constructor(@Inject(UnitStaffService) private readonly staff: UnitStaffService) {}

  @Put('units/:unitCode/staff/:role')
  @ApiOperation({
    summary: 'Cử lãnh đạo phụ trách hoặc cán bộ kiêm nhiệm công tác thông tin đối ngoại của đơn vị',
    description: 'Lãnh đạo phụ trách của đơn vị hoặc quản trị viên của tỉnh. Người được cử trước đó (nếu có) được thay thế.',
  })
  @ApiBody({
    type: AssignStaffDto,
    examples: {
      officer: {
        summary: 'Cán bộ kiêm nhiệm của Sở Ngoại vụ, đã có tài khoản',
        value: { fullName: 'Phạm Thị Lan', position: 'Chuyên viên', phone: '0269 3824 123', email: 'lanpt@gialai.gov.vn', username: 'canbo.songoaivu' },
      },
      leader: { summary: 'Lãnh đạo phụ trách, chưa có tài khoản', value: { fullName: 'Võ Quốc Bảo', position: 'Phó Giám đốc Sở' } },
    },
  })
  @ApiResponse({ status: 200, description: 'Đã cử; trả về hai người của đơn vị' })
  @ApiResponse({ status: 400, description: 'Dữ liệu không hợp lệ (STAFF_ROLE_INVALID, STAFF_NAME_REQUIRED, STAFF_PHONE_INVALID, STAFF_USER_UNKNOWN, …); không ghi gì' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 404, description: 'Không có đơn vị này (UNIT_NOT_FOUND)' })
  assign(@Param() params: StaffParamsDto, @Body() body: AssignStaffDto, @CurrentUser() user: AuthenticatedUser) {
    return this.staff.assign(params.unitCode, params.role, body, user);
  }

  @Get('units/:unitCode/staff')
  @ApiOperation({ summary: 'Lãnh đạo phụ trách và cán bộ kiêm nhiệm của một đơn vị' })
  @ApiParam({ name: 'unitCode', example: 'GL.SNGV', description: 'Mã đơn vị' })
  @ApiResponse({ status: 200, description: 'Hai người của đơn vị; null và có tên trong "missing" nếu chưa cử' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 404, description: 'Không có đơn vị này (UNIT_NOT_FOUND)' })
  forUnit(@Param('unitCode') unitCode: string, @CurrentUser() user: AuthenticatedUser) {
    return this.staff.forUnit(unitCode, user);
  }

  @Get('provinces/:provinceCode/staff')
  @ApiOperation({
    summary: 'Danh sách lãnh đạo phụ trách và cán bộ kiêm nhiệm của mọi đơn vị trong tỉnh (cơ quan điều phối, quản trị viên)',
    description: 'Mỗi đơn vị xây dựng kế hoạch một dòng; "missing" cho biết đơn vị chưa cử ai.',
  })
  @ApiParam({ name: 'provinceCode', example: 'GL', description: 'Mã tỉnh' })
  @ApiResponse({ status: 200, description: 'Danh sách theo mã đơn vị' })
  @ApiResponse(FORBIDDEN)
  @ApiResponse({ status: 404, description: 'Không có tỉnh này (PROVINCE_NOT_FOUND)' })
  forProvince(@Param('provinceCode') provinceCode: string, @CurrentUser() user: AuthenticatedUser) {
    return this.staff.forProvince(provinceCode, user);
  }
}
