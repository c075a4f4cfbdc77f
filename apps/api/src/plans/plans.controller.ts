import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { PlanDecisionDto } from './dtos/plan-decision.dto';
import { SaveDraftDto } from './dtos/save-draft.dto';
import { PlansService } from './plans.service';

@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(@Inject(PlansService) private readonly plans: PlansService) {}

  @Get('cycles/:cycleId/units/:unitCode/plan')
  @ApiOperation({ summary: 'Kế hoạch của một đơn vị: các phiên bản, ý kiến thẩm định/phê duyệt, việc đang chờ, nhật ký' })
  view(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.view(cycleId, unitCode, user);
  }

  @Put('cycles/:cycleId/units/:unitCode/plan/draft')
  @ApiOperation({ summary: 'Lưu bản dự thảo (lưu bao nhiêu lần cũng được, cho tới khi trình)' })
  @ApiResponse({ status: 409, description: 'Phiên bản không còn là bản dự thảo đang mở' })
  saveDraft(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() body: SaveDraftDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.saveDraft(cycleId, unitCode, body, user);
  }

  @Post('cycles/:cycleId/units/:unitCode/plan/decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trình, thẩm định, phê duyệt, trả lại hoặc đề xuất điều chỉnh kế hoạch' })
  @ApiResponse({ status: 409, description: 'Trạng thái kế hoạch không cho phép (ví dụ: phê duyệt khi chưa thẩm định, phiên bản cũ)' })
  @ApiResponse({ status: 403, description: 'Người dùng không phải người có thẩm quyền ở bước này' })
  decide(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() body: PlanDecisionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.decide(cycleId, unitCode, body, user);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'Hộp việc: các việc đang chờ người dùng, hạn gần nhất trước' })
  inbox(@CurrentUser() user: AuthenticatedUser) {
    return this.plans.inbox(user);
  }
}
