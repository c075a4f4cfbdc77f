import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

const ACTIONS = ['submit', 'accept', 'return'] as const;
const rule = (code: string, message: string) => ({ message, context: { code } });

export class ReportDecisionDto {
  @ApiProperty({ enum: ACTIONS, example: 'submit', description: 'gửi (người lập) | chấp nhận | trả lại (người xem xét)' })
  @IsIn(ACTIONS, rule('REPORT_ACTION_INVALID', `Thao tác (action) phải là một trong: ${ACTIONS.join(', ')}.`))
  action!: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ example: 'Bổ sung số liệu kinh phí đã chi.', description: 'Lý do trả lại (bắt buộc khi trả lại)' })
  @IsOptional()
  @IsString(rule('REPORT_COMMENTS_INVALID', 'Lý do (comments) phải là văn bản.'))
  @MaxLength(5000, rule('REPORT_COMMENTS_INVALID', 'Lý do (comments) tối đa 5000 ký tự.'))
  comments?: string;

  @ApiPropertyOptional({ description: 'Mã yêu cầu do máy khách tạo; gửi lại cùng mã sẽ không ghi hai lần' })
  @IsOptional()
  @IsString(rule('REPORT_REQUEST_ID_INVALID', 'Mã yêu cầu (requestId) không hợp lệ.'))
  @MaxLength(100, rule('REPORT_REQUEST_ID_INVALID', 'Mã yêu cầu (requestId) không hợp lệ.'))
  requestId?: string;
}
