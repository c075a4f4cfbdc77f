import { Body, Controller, Get, Inject, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CyclesService } from './cycles.service';
import { ChangeCalendarDto } from './dtos/change-calendar.dto';
import { StartCycleDto } from './dtos/start-cycle.dto';

@ApiTags('cycles')
@ApiBearerAuth()
@Controller('cycles')
export class CyclesController {
  constructor(@Inject(CyclesService) private readonly cycles: CyclesService) {}

  @Post()
  @ApiOperation({ summary: 'Bắt đầu chu kỳ kế hoạch năm của một tỉnh (chỉ quản trị viên)' })
  @ApiResponse({ status: 201, description: 'Đã bắt đầu chu kỳ mới' })
  @ApiResponse({ status: 200, description: 'Chu kỳ đã có từ trước; không tạo thêm' })
  @ApiResponse({ status: 202, description: 'Đã bắt đầu, worker chưa ghi nhận xong' })
  @ApiResponse({ status: 400, description: 'Dữ liệu không hợp lệ; không có gì được tạo' })
  async start(@Body() body: StartCycleDto, @CurrentUser() user: AuthenticatedUser, @Res({ passthrough: true }) response: Response) {
    const result = await this.cycles.start(body, user);
    response.status(result.status).location(`/api/cycles/${encodeURIComponent(result.cycle.id)}`);
    return result.cycle;
  }

  @Get(':id')
  @ApiOperation({ summary: 'Trạng thái chu kỳ và của từng đơn vị' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.cycles.get(id, user);
  }

  @Put(':id/calendar')
  @ApiOperation({
    summary: 'Đổi các hạn của chu kỳ đang chạy (quản trị viên của tỉnh)',
    description: 'Việc đang mở nhận hạn mới và lịch nhắc việc dời theo; các việc mở sau dùng lịch mới.',
  })
  @ApiResponse({ status: 400, description: 'Lịch không hợp lệ (CYCLE_CALENDAR_INVALID); không đổi gì' })
  @ApiResponse({ status: 409, description: 'Chu kỳ đã đóng (CYCLE_CLOSED)' })
  changeCalendar(@Param('id') id: string, @Body() body: ChangeCalendarDto, @CurrentUser() user: AuthenticatedUser) {
    return this.cycles.changeCalendar(id, body.calendar, user);
  }

  @Get(':id/escalations')
  @ApiOperation({ summary: 'Các lần nhắc việc và báo cáo vượt cấp của chu kỳ: việc nào, bậc nào, ai được báo, lúc nào' })
  escalations(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.cycles.escalations(id, user);
  }
}
