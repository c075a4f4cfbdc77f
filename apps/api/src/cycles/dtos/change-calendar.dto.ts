import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject } from 'class-validator';

export class ChangeCalendarDto {
  @ApiProperty({
    type: Object,
    description: 'Các hạn cần đổi (cùng khóa với calendar của chu kỳ); các hạn khác giữ nguyên',
    example: { unitPlanDraftDue: '2027-02-22T16:59:59.999Z' },
  })
  @IsObject({ message: 'Lịch (calendar) phải là một đối tượng.', context: { code: 'CYCLE_CALENDAR_INVALID' } })
  @Type(() => Object)
  calendar!: Record<string, unknown>;
}
