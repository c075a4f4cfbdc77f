import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { FIRST_CYCLE_YEAR, LAST_CYCLE_YEAR } from '@plancycle/domain';

const YEAR_MESSAGE = `Năm (year) phải là số nguyên từ ${FIRST_CYCLE_YEAR} đến ${LAST_CYCLE_YEAR}.`;
const year = { message: YEAR_MESSAGE, context: { code: 'CYCLE_YEAR_INVALID' } };
const province = { message: 'Thiếu mã tỉnh (provinceCode), ví dụ "GL".', context: { code: 'CYCLE_PROVINCE_REQUIRED' } };
const units = {
  message: 'Danh sách đơn vị tham gia (participatingUnitCodes) phải là một mảng mã đơn vị.',
  context: { code: 'CYCLE_UNITS_INVALID' },
};

export class StartCycleDto {
  @ApiProperty({ example: 'GL', description: 'Mã tỉnh' })
  @IsString(province)
  @IsNotEmpty(province)
  @MaxLength(50, province)
  provinceCode!: string;

  @ApiProperty({ example: 2027, description: 'Năm của kế hoạch' })
  // No implicit conversion: "2027abc" or "hai nghìn" must be refused, not guessed.
  @IsInt(year)
  @Min(FIRST_CYCLE_YEAR, year)
  @Max(LAST_CYCLE_YEAR, year)
  year!: number;

  @ApiPropertyOptional({
    type: [String],
    example: ['GL.SNGV', 'GL.DUCCO'],
    description: 'Mã các đơn vị tham gia; bỏ trống để lấy mọi đơn vị tham gia mặc định',
  })
  @IsOptional()
  @IsArray(units)
  @ArrayMaxSize(1000, units)
  @IsString({ ...units, each: true })
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, { ...units, each: true })
  participatingUnitCodes?: string[];

  @ApiPropertyOptional({
    type: Object,
    description: 'Các hạn cần thay đổi so với lịch mặc định (cùng khóa với calendar trong kết quả)',
  })
  @IsOptional()
  @IsObject({ message: 'Lịch (calendar) phải là một đối tượng.', context: { code: 'CYCLE_CALENDAR_INVALID' } })
  @Type(() => Object)
  calendar?: Record<string, unknown>;

  @ApiPropertyOptional({
    type: Object,
    description:
      'Thang nhắc việc và báo cáo vượt cấp cho mọi việc của chu kỳ; bỏ trống: nhắc trước 5, 2, 1 ngày làm việc, quá hạn báo lãnh đạo phụ trách, +3 ngày cơ quan điều phối, +7 ngày Văn phòng UBND tỉnh',
    example: {
      rungs: [
        { step: 'D-3', kind: 'reminder', offset: { workingDays: -3 }, audience: ['assignee'] },
        { step: 'overdue', kind: 'escalation', offset: { workingDays: 0 }, audience: ['assignee', 'leader_in_charge'] },
        { step: '+5', kind: 'escalation', offset: { workingDays: 5 }, audience: ['coordinator'] },
      ],
    },
  })
  @IsOptional()
  @IsObject({ message: 'Thang nhắc việc (escalationLadder) phải là một đối tượng.', context: { code: 'CYCLE_ESCALATION_LADDER_INVALID' } })
  @Type(() => Object)
  escalationLadder?: Record<string, unknown>;
}
