import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength, ValidateBy } from 'class-validator';
import { isEmailAddress, STAFF_EMAIL_MAX } from '@plancycle/domain';
import { RoleAssignmentDto, RolesList } from './role-assignment.dto';

const rule = (code: string, message: string) => ({ message, context: { code } });
const username = rule(
  'USER_USERNAME_INVALID',
  'Tên đăng nhập (username) phải dài 3–50 ký tự, chỉ gồm chữ thường không dấu, chữ số và ". _ -", ví dụ "canbo.sokhdt".',
);
const fullName = rule('USER_FULL_NAME_INVALID', 'Họ và tên (fullName) phải có từ 1 đến 200 ký tự.');
const email = rule('USER_EMAIL_INVALID', 'Thư điện tử (email) không hợp lệ, ví dụ đúng: canbo@gialai.gov.vn.');
const PASSWORD_MIN = 10;
const password = rule('USER_PASSWORD_TOO_SHORT', `Mật khẩu (password) phải có ít nhất ${PASSWORD_MIN} ký tự (tối đa 200).`);

export class CreateUserDto {
  @ApiProperty({ example: 'canbo.sokhdt', description: '3–50 ký tự: a-z, 0-9, ".", "_", "-"' })
  @IsString(username)
  @Matches(/^[a-z0-9._-]{3,50}$/, username)
  username!: string;

  @ApiProperty({ example: 'Nguyễn Thị Mai', maxLength: 200 })
  @IsString(fullName)
  @Matches(/\S/, fullName)
  @MaxLength(200, fullName)
  fullName!: string;

  @ApiProperty({ example: 'maint@gialai.gov.vn' })
  @IsString(email)
  @ValidateBy({ name: 'isEmailAddress', validator: { validate: (value) => typeof value === 'string' && isEmailAddress(value) } }, email)
  @MaxLength(STAFF_EMAIL_MAX, email)
  email!: string;

  @ApiProperty({ example: 'Mat-khau-dai-10', minLength: PASSWORD_MIN, description: 'Mật khẩu ban đầu; chỉ lưu bản băm' })
  @IsString(password)
  @MinLength(PASSWORD_MIN, password)
  // scrypt hashes any length; the cap keeps a login request cheap.
  @MaxLength(200, password)
  password!: string;

  @ApiProperty({ type: [RoleAssignmentDto] })
  @RolesList()
  roles!: RoleAssignmentDto[];
}
