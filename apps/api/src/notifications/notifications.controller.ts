import { Body, Controller, Get, Inject, Param, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { MailSettingsDto } from './dtos/mail-settings.dto';
import { NotificationPreferencesDto } from './dtos/notification-preferences.dto';
import { NotificationsService } from './notifications.service';

const PROVINCE = { name: 'provinceCode', example: 'GL', description: 'Mã tỉnh' };

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(@Inject(NotificationsService) private readonly notifications: NotificationsService) {}

  @Get('admin/notifications')
  @ApiOperation({
    summary: 'Thư chưa gửi được của tỉnh (quản trị viên): số lần thử, lỗi gần nhất',
    description: 'Thư bị lỗi vẫn được gửi lại tự động; danh sách này cho biết thư nào đang chờ và vì sao.',
  })
  @ApiQuery({ name: 'provinceCode', example: 'GL' })
  @ApiResponse({ status: 403, description: 'Không phải quản trị viên của tỉnh (AUTH_FORBIDDEN)' })
  undelivered(@Query('provinceCode') provinceCode: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.notifications.undelivered(String(provinceCode ?? ''), admin);
  }

  @Get('admin/provinces/:provinceCode/mail-settings')
  @ApiOperation({ summary: 'Người gửi và địa chỉ trả lời của thư gửi thay tỉnh' })
  @ApiParam(PROVINCE)
  mailSettings(@Param('provinceCode') provinceCode: string, @CurrentUser() admin: AuthenticatedUser) {
    return this.notifications.mailSettings(provinceCode, admin);
  }

  @Put('admin/provinces/:provinceCode/mail-settings')
  @ApiOperation({ summary: 'Đặt người gửi và địa chỉ trả lời của thư gửi thay tỉnh (quản trị viên của tỉnh)' })
  @ApiParam(PROVINCE)
  @ApiResponse({ status: 400, description: 'Địa chỉ không hợp lệ (MAIL_FROM_INVALID, MAIL_REPLY_TO_INVALID); không ghi gì' })
  saveMailSettings(@Param('provinceCode') provinceCode: string, @Body() body: MailSettingsDto, @CurrentUser() admin: AuthenticatedUser) {
    return this.notifications.saveMailSettings(provinceCode, body, admin);
  }

  @Put('me/notification-preferences')
  @ApiOperation({ summary: 'Ngôn ngữ của thư và chọn nhận thư tóm tắt hằng ngày' })
  savePreferences(@Body() body: NotificationPreferencesDto, @CurrentUser() user: AuthenticatedUser) {
    return this.notifications.savePreferences(body, user);
  }
}
