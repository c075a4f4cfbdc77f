import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

const rule = (code: string, message: string) => ({ message, context: { code } });
/** `Tên hiển thị <hop-thu@co-quan.gov.vn>` or a bare address; no line breaks (they would forge headers). */
const MAILBOX = /^(?:[^<>\r\n"]{1,100} )?<?[^\s<>@"]+@[^\s<>@"]+\.[^\s<>@"]+>?$/u;

export class MailSettingsDto {
  @ApiProperty({ example: 'Sở VH-TT-DL Gia Lai <ttdn@gialai.gov.vn>', description: 'Người gửi của thư PlanCycle gửi thay tỉnh' })
  @IsString(rule('MAIL_FROM_INVALID', 'Người gửi (fromAddress) phải là một địa chỉ thư, ví dụ "Sở VH-TT-DL <ttdn@gialai.gov.vn>".'))
  @MaxLength(200, rule('MAIL_FROM_INVALID', 'Người gửi (fromAddress) tối đa 200 ký tự.'))
  @Matches(MAILBOX, rule('MAIL_FROM_INVALID', 'Người gửi (fromAddress) phải là một địa chỉ thư, ví dụ "Sở VH-TT-DL <ttdn@gialai.gov.vn>".'))
  fromAddress!: string;

  @ApiPropertyOptional({ example: 'vanphong@gialai.gov.vn', description: 'Địa chỉ nhận thư trả lời; bỏ trống: trả lời về người gửi' })
  @IsOptional()
  @IsString(rule('MAIL_REPLY_TO_INVALID', 'Địa chỉ trả lời (replyTo) phải là một địa chỉ thư.'))
  @MaxLength(200, rule('MAIL_REPLY_TO_INVALID', 'Địa chỉ trả lời (replyTo) tối đa 200 ký tự.'))
  @Matches(MAILBOX, rule('MAIL_REPLY_TO_INVALID', 'Địa chỉ trả lời (replyTo) phải là một địa chỉ thư.'))
  replyTo?: string | null;
}
