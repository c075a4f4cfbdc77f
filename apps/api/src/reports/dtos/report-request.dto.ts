import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const rule = (code: string, message: string) => ({ message, context: { code } });
const units = rule('REPORT_REQUEST_UNITS_INVALID', 'Danh sách đơn vị (unitCodes) phải có từ 1 đến 1000 mã đơn vị.');

export class ReportRequestDto {
  @ApiProperty({ example: 'Báo cáo nhanh công tác thông tin đối ngoại dịp kỷ niệm 50 năm quan hệ Việt Nam – Thái Lan' })
  @IsString(rule('REPORT_REQUEST_TITLE_INVALID', 'Nội dung yêu cầu (title) phải là văn bản.'))
  @MinLength(3, rule('REPORT_REQUEST_TITLE_INVALID', 'Nội dung yêu cầu (title) quá ngắn.'))
  @MaxLength(300, rule('REPORT_REQUEST_TITLE_INVALID', 'Nội dung yêu cầu (title) tối đa 300 ký tự.'))
  title!: string;

  @ApiProperty({ type: [String], example: ['GL.SNGV', 'GL.SVHTTDL'] })
  @IsArray(units)
  @ArrayMinSize(1, units)
  @ArrayMaxSize(1000, units)
  @IsString({ ...units, each: true })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { ...units, each: true })
  unitCodes!: string[];

  @ApiProperty({ example: '2027-07-20T09:59:59.999Z', description: 'Hạn đơn vị gửi báo cáo' })
  @IsString(rule('REPORT_REQUEST_DUE_INVALID', 'Hạn gửi (dueAt) phải là ngày giờ có múi giờ, ví dụ 2027-07-20T17:00:00+07:00.'))
  dueAt!: string;

  @ApiPropertyOptional({ description: 'Hạn lãnh đạo đơn vị xem xét; mặc định bằng hạn gửi' })
  @IsOptional()
  @IsString(rule('REPORT_REQUEST_DUE_INVALID', 'Hạn xem xét (reviewDueAt) phải là ngày giờ có múi giờ.'))
  reviewDueAt?: string;
}
