import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ example: 'admin.gl' })
  @IsString({ message: 'Tên đăng nhập phải là chuỗi ký tự.', context: { code: 'AUTH_USERNAME_REQUIRED' } })
  @IsNotEmpty({ message: 'Vui lòng nhập tên đăng nhập.', context: { code: 'AUTH_USERNAME_REQUIRED' } })
  @MaxLength(100, { message: 'Tên đăng nhập quá dài.', context: { code: 'AUTH_USERNAME_REQUIRED' } })
  username!: string;

  @ApiProperty({ example: 'plancycle' })
  @IsString({ message: 'Mật khẩu phải là chuỗi ký tự.', context: { code: 'AUTH_PASSWORD_REQUIRED' } })
  @IsNotEmpty({ message: 'Vui lòng nhập mật khẩu.', context: { code: 'AUTH_PASSWORD_REQUIRED' } })
  @MaxLength(200, { message: 'Mật khẩu quá dài.', context: { code: 'AUTH_PASSWORD_REQUIRED' } })
  password!: string;
}
