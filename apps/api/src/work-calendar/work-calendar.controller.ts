import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { WorkCalendarService } from './work-calendar.service';

/**
 * The days off and make-up working days of a year: nationwide (the government fixes Tết's five
 * days and the second day of Quốc khánh each year), seeded from the library baseline, set by admins.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('work-calendar/:year')
export class WorkCalendarController {
  constructor(@Inject(WorkCalendarService) private readonly days: WorkCalendarService) {}

  @Get()
  @ApiOperation({ summary: 'Ngày nghỉ lễ, Tết và ngày làm bù của một năm (source: baseline = theo thư viện, admin = do quản trị viên đặt)' })
  list(@Param('year') year: string) {
    return this.days.list(year);
  }

  @Put()
  @ApiOperation({
    summary: 'Đặt toàn bộ ngày nghỉ và ngày làm bù của một năm (quản trị viên)',
    description: 'Danh sách thay cho danh sách cũ của năm. Hạn tính từ nay (nhắc việc, lịch chu kỳ mới) theo danh sách này.',
  })
  @ApiBody({
    schema: {
      example: {
        days: [
          { date: '2027-02-05', kind: 'day_off', name: 'Tết Nguyên đán' },
          { date: '2027-02-20', kind: 'working_day', name: 'Làm bù cho ngày 05/02' },
        ],
      },
    },
  })
  @ApiResponse({ status: 400, description: 'Ngày sai, trùng, ngày nghỉ rơi vào cuối tuần, ngày làm bù rơi vào ngày thường (WORK_CALENDAR_*); không ghi gì' })
  @ApiResponse({ status: 403, description: 'Không phải quản trị viên (AUTH_FORBIDDEN)' })
  replace(@Param('year') yearText: string, @Body() body: { days?: unknown }, @CurrentUser() user: AuthenticatedUser) {
    return this.days.replace(yearText, body?.days, user);
  }
}
