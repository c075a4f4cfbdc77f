import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';

export class NotificationPreferencesDto {
  @ApiProperty({ enum: ['vi', 'en'], example: 'vi', description: 'Ngôn ngữ của thư: vi (mặc định) hoặc en' })
  @IsIn(['vi', 'en'], { message: 'Ngôn ngữ (locale) phải là vi hoặc en.', context: { code: 'PREFERENCE_LOCALE_INVALID' } })
  locale!: 'vi' | 'en';

  @ApiProperty({ example: false, description: 'true: nhận một thư tóm tắt mỗi sáng thay cho từng thư riêng' })
  @IsBoolean({ message: 'Thư tóm tắt (digest) phải là true hoặc false.', context: { code: 'PREFERENCE_DIGEST_INVALID' } })
  digest!: boolean;
}
