import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { ReportDecisionDto } from './dtos/report-decision.dto';
import { ReportRequestDto } from './dtos/report-request.dto';
import { ReportsService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class ReportsController {
  constructor(@Inject(ReportsService) private readonly reports: ReportsService) {}

  @Get('cycles/:cycleId/reports')
  @ApiOperation({ summary: 'Các báo cáo của chu kỳ (quý, năm, đột xuất, của tỉnh): đơn vị, kỳ, bước, hạn, trễ hạn' })
  @ApiQuery({ name: 'unitCode', required: false })
  list(@Param('cycleId') cycleId: string, @Query('unitCode') unitCode: string | undefined, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.listForCycle(cycleId, typeof unitCode === 'string' ? unitCode : undefined, user);
  }

  @Get('reports/:id')
  @ApiOperation({ summary: 'Một báo cáo: các dòng theo nội dung kế hoạch, tổng hợp (báo cáo của tỉnh), việc đang chờ' })
  get(@Param('id') id: string, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.get(id, user);
  }

  @Put('reports/:id/content')
  @ApiOperation({ summary: 'Lưu nội dung báo cáo đang lập: { summary, lines: [{ itemId, status, achieved, spent }] }' })
  @ApiResponse({ status: 400, description: 'Nội dung không hợp lệ (REPORT_*); không ghi gì' })
  @ApiResponse({ status: 409, description: 'Báo cáo đã gửi (REPORT_NOT_WRITING)' })
  saveContent(@Param('id') id: string, @Body() body: unknown, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.saveContent(id, body, user);
  }

  @Post('reports/:id/decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Gửi báo cáo (người lập), chấp nhận hoặc trả lại (lãnh đạo phụ trách; với báo cáo của tỉnh: lãnh đạo UBND tỉnh)' })
  decide(@Param('id') id: string, @Body() body: ReportDecisionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.decide(id, body, user);
  }

  @Post('cycles/:cycleId/report-requests')
  @ApiOperation({ summary: 'Yêu cầu báo cáo đột xuất từ các đơn vị, với hạn riêng (cơ quan điều phối hoặc quản trị viên của tỉnh)' })
  @ApiResponse({ status: 201, description: 'Đã giao việc lập báo cáo cho từng đơn vị' })
  @ApiResponse({ status: 400, description: 'Yêu cầu không hợp lệ (REPORT_REQUEST_*); không giao gì' })
  request(@Param('cycleId') cycleId: string, @Body() body: ReportRequestDto, @CurrentUser() user: AuthenticatedUser) {
    return this.reports.request(cycleId, body, user);
  }
}
