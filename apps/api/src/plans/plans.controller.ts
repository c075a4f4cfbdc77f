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
  @ApiOperation({ summary: 'Kế hoạch của một đơn vị: các phiên bản, ý kiến thẩm định/phê duyệt, việc đang chờ, nhật ký, gợi ý độ bao phủ' })
  view(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.view(cycleId, { kind: 'unit', unitCode }, user);
  }

  @Put('cycles/:cycleId/units/:unitCode/plan/draft')
  @ApiOperation({ summary: 'Lưu bản dự thảo kế hoạch của đơn vị (lưu bao nhiêu lần cũng được, cho tới khi trình)' })
  @ApiResponse({ status: 409, description: 'Phiên bản không còn là bản dự thảo đang mở' })
  saveDraft(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() body: SaveDraftDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.saveDraft(cycleId, { kind: 'unit', unitCode }, body, user);
  }

  @Post('cycles/:cycleId/units/:unitCode/plan/decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trình, thẩm định, phê duyệt, trả lại hoặc đề xuất điều chỉnh kế hoạch của đơn vị' })
  @ApiResponse({ status: 409, description: 'Trạng thái kế hoạch không cho phép (ví dụ: phê duyệt khi chưa thẩm định, phiên bản cũ)' })
  @ApiResponse({ status: 403, description: 'Người dùng không phải người có thẩm quyền ở bước này' })
  decide(@Param('cycleId') cycleId: string, @Param('unitCode') unitCode: string, @Body() body: PlanDecisionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.decide(cycleId, { kind: 'unit', unitCode }, body, user);
  }

  @Get('cycles/:cycleId/provincial-plan')
  @ApiOperation({ summary: 'Kế hoạch của tỉnh (Sở soạn thảo, UBND tỉnh ban hành) và các nhiệm vụ trọng tâm chưa có nội dung thực hiện' })
  viewProvincial(@Param('cycleId') cycleId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.view(cycleId, { kind: 'provincial' }, user);
  }

  @Put('cycles/:cycleId/provincial-plan/draft')
  @ApiOperation({ summary: 'Lưu bản dự thảo kế hoạch của tỉnh (cán bộ của cơ quan điều phối)' })
  saveProvincialDraft(@Param('cycleId') cycleId: string, @Body() body: SaveDraftDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.saveDraft(cycleId, { kind: 'provincial' }, body, user);
  }

  @Post('cycles/:cycleId/provincial-plan/decisions')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Trình, phê duyệt (ban hành), trả lại hoặc điều chỉnh kế hoạch của tỉnh; khi ban hành, các đơn vị bắt đầu xây dựng kế hoạch' })
  decideProvincial(@Param('cycleId') cycleId: string, @Body() body: PlanDecisionDto, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.decide(cycleId, { kind: 'provincial' }, body, user);
  }

  @Get('cycles/:cycleId/audit')
  @ApiOperation({ summary: 'Nhật ký của cả chu kỳ: ai, khi nào, từ bước nào sang bước nào, ý kiến, phiên bản' })
  cycleAudit(@Param('cycleId') cycleId: string, @CurrentUser() user: AuthenticatedUser) {
    return this.plans.cycleAudit(cycleId, user);
  }

  @Get('tasks')
  @ApiOperation({ summary: 'Hộp việc: các việc đang chờ người dùng, hạn gần nhất trước' })
  inbox(@CurrentUser() user: AuthenticatedUser) {
    return this.plans.inbox(user);
  }
}
