import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';

const ACTIONS = ['submit', 'appraise', 'approve', 'return', 'amend'] as const;
const rule = (code: string, message: string) => ({ message, context: { code } });

/** One decision on a plan. `version` is the version the person was looking at: a stale one is refused. */
export class PlanDecisionDto {
  @ApiProperty({ enum: ACTIONS, example: 'submit', description: 'trình | thẩm định | phê duyệt | trả lại | đề xuất điều chỉnh' })
  @IsIn(ACTIONS, rule('PLAN_ACTION_INVALID', `Thao tác (action) phải là một trong: ${ACTIONS.join(', ')}.`))
  action!: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ example: 1 })
  @IsOptional()
  @IsInt(rule('PLAN_VERSION_INVALID', 'Phiên bản (version) phải là số nguyên dương.'))
  @Min(1, rule('PLAN_VERSION_INVALID', 'Phiên bản (version) phải là số nguyên dương.'))
  version?: number;

  @ApiPropertyOptional({ enum: ['agree', 'return'], description: 'Ý kiến thẩm định: đồng ý hoặc trả lại' })
  @IsOptional()
  @IsIn(['agree', 'return'], rule('PLAN_OPINION_INVALID', 'Ý kiến thẩm định (opinion) phải là agree hoặc return.'))
  opinion?: 'agree' | 'return';

  @ApiPropertyOptional({ example: 'Đề nghị bổ sung kinh phí cho hội nghị tại 03 điểm cầu.' })
  @IsOptional()
  @IsString(rule('PLAN_COMMENTS_INVALID', 'Ý kiến, lý do (comments) phải là văn bản.'))
  @MaxLength(5000, rule('PLAN_COMMENTS_INVALID', 'Ý kiến, lý do (comments) tối đa 5000 ký tự.'))
  comments?: string;

  @ApiPropertyOptional({ description: 'Mã yêu cầu do máy khách tạo; gửi lại cùng mã sẽ không ghi hai lần' })
  @IsOptional()
  @IsString(rule('PLAN_REQUEST_ID_INVALID', 'Mã yêu cầu (requestId) không hợp lệ.'))
  @MaxLength(100, rule('PLAN_REQUEST_ID_INVALID', 'Mã yêu cầu (requestId) không hợp lệ.'))
  requestId?: string;
}
