import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class SetActiveDto {
  @ApiProperty({ example: false, description: 'false: khóa tài khoản (không đăng nhập được, phiên cũ mất hiệu lực); true: mở lại' })
  @IsBoolean({ message: 'Trạng thái (active) phải là true hoặc false.', context: { code: 'USER_ACTIVE_INVALID' } })
  active!: boolean;
}
