import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { validateYearDays, FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR, type YearDay } from '@plancycle/domain';
import { WorkCalendarRepository } from '@plancycle/persistence';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { badRequest, forbidden } from '../common/api-exception';

/**
 * The days off and make-up working days of a year: nationwide (the government fixes Tết's five
 * days and the second day of Quốc khánh each year), seeded from the library baseline, set by admins.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('work-calendar/:year')
export class WorkCalendarController {
  constructor(@Inject(WorkCalendarRepository) private readonly days: WorkCalendarRepository) {}

  @Get()
  @ApiOperation({ summary: 'Ngày nghỉ lễ, Tết và ngày làm bù của một năm (source: baseline = theo thư viện, admin = do quản trị viên đặt)' })
  list(@Param('year') year: string) {
    return this.days.listYear(checkedYear(year));
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
    // Days off are the nation's: any province's admin may set them (one deployment serves one country).
    if (!user.roles.some((role) => role.role === 'admin')) throw forbidden('Chỉ quản trị viên mới được đặt ngày nghỉ, ngày làm bù.');
    const year = checkedYear(yearText);
    const problems = validateYearDays(year, body?.days);
    if (problems.length > 0) throw badRequest(problems[0].code, problems[0].message, { problems });
    return this.days.replaceYear(year, body.days as YearDay[]);
  }
}

function checkedYear(text: string): number {
  const year = Number(text);
  if (!/^\d{4}$/.test(text) || year < FIRST_CYCLE_YEAR || year > LAST_CYCLE_YEAR) {
    throw badRequest('WORK_CALENDAR_YEAR_INVALID', `Năm phải là số nguyên từ ${FIRST_CYCLE_YEAR} đến ${LAST_CYCLE_YEAR}.`);
  }
  return year;
}
