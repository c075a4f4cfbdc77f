import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { UpdateUnitSettingsDto } from './dtos/update-unit-settings.dto';
import { UnitSettingsService } from './unit-settings.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('units/:unitCode/settings')
export class UnitSettingsController {
  constructor(@Inject(UnitSettingsService) private readonly settings: UnitSettingsService) {}

  @Put()
  @ApiOperation({
    summary: 'Đổi cấu hình chuỗi kế hoạch của một đơn vị (quản trị viên của tỉnh)',
    description:
      'Chỉ gửi các mục cần đổi. Cả tỉnh được kiểm tra lại với thay đổi này; có lỗi thì không ghi gì. ' +
      'Kế hoạch đang chạy đọc chuỗi thẩm định/phê duyệt khi mở bước, nên thay đổi áp dụng từ bước tiếp theo của chúng.',
  })
  @ApiParam({ name: 'unitCode', example: 'GL.DUCCO.IADOM', description: 'Mã đơn vị' })
  @ApiBody({
    type: UpdateUnitSettingsDto,
    examples: {
      appraisal: { summary: 'Xã cần thẩm định bởi Phòng Văn hóa và Thông tin huyện', value: { needsAppraisal: true, appraiserUnitCode: 'GL.DUCCO.PVHTT' } },
      symbol: { summary: 'Đổi ký hiệu kế hoạch', value: { documentSymbol: 'KH-UBND' } },
    },
  })
  @ApiResponse({ status: 200, description: 'Đã lưu; trả về cấu hình mới của đơn vị' })
  @ApiResponse({
    status: 400,
    description: 'Cấu hình không hợp lệ (UNIT_SETTING_INVALID, UNIT_DOCUMENT_SYMBOL_INVALID, ORG_APPRAISER_MISSING, ORG_REFERENCE_UNKNOWN, …); không ghi gì',
  })
  @ApiResponse({ status: 403, description: 'Không phải quản trị viên của tỉnh (AUTH_FORBIDDEN)' })
  @ApiResponse({ status: 404, description: 'Không có đơn vị này (UNIT_NOT_FOUND)' })
  update(@Param('unitCode') unitCode: string, @Body() body: UpdateUnitSettingsDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.settings.update(unitCode, body, admin);
  }
}
