import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { badRequest } from '../common/api-exception';
import { RecordGuidanceDto } from './dtos/record-guidance.dto';
import { GuidancesService } from './guidances.service';

@ApiTags('guidances')
@ApiBearerAuth()
@Controller('guidances')
export class GuidancesController {
  constructor(@Inject(GuidancesService) private readonly guidances: GuidancesService) {}

  @Post()
  @ApiOperation({ summary: 'Nhập văn bản hướng dẫn (công văn) của Bộ và các nhiệm vụ trọng tâm (quản trị viên tỉnh)' })
  @ApiResponse({ status: 201, description: 'Đã nhập' })
  @ApiResponse({ status: 409, description: 'Tỉnh đã nhập văn bản cùng số, ký hiệu' })
  record(@Body() body: RecordGuidanceDto, @CurrentUser() user: AuthenticatedUser) {
    return this.guidances.record(body, user);
  }

  @Get()
  @ApiOperation({ summary: 'Các văn bản hướng dẫn của một tỉnh, mới nhất trước' })
  @ApiQuery({ name: 'provinceCode', example: 'GL' })
  @ApiQuery({ name: 'planYear', required: false, example: 2027 })
  list(@Query('provinceCode') provinceCode: string | undefined, @Query('planYear') planYear: string | undefined, @CurrentUser() user: AuthenticatedUser) {
    if (!provinceCode) throw badRequest('GUIDANCE_PROVINCE_REQUIRED', 'Thiếu mã tỉnh (provinceCode), ví dụ "GL".');
    if (planYear !== undefined && !/^\d{4}$/.test(planYear)) {
      throw badRequest('GUIDANCE_PLAN_YEAR_INVALID', 'Năm kế hoạch (planYear) phải là số có bốn chữ số.');
    }
    return this.guidances.list(provinceCode, planYear === undefined ? undefined : Number(planYear), user);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Một văn bản hướng dẫn' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.guidances.get(id, user);
  }
}
