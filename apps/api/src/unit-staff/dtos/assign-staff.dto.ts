import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { STAFF_ROLES, type StaffRole } from '@plancycle/domain';

// Only the shape is checked here; what the text must look like is the domain's rule
// (normalizeStaffMember), checked once the caller is known to be allowed to name anyone.
const name = { message: 'Chưa nhập họ và tên (fullName).', context: { code: 'STAFF_NAME_REQUIRED' } };
const position = { message: 'Chưa nhập chức vụ (position), ví dụ "Phó Giám đốc".', context: { code: 'STAFF_POSITION_REQUIRED' } };
const phone = { message: 'Số điện thoại (phone) phải là chuỗi ký tự, ví dụ "0269 3824 123".', context: { code: 'STAFF_PHONE_INVALID' } };
const email = { message: 'Thư điện tử (email) phải là chuỗi ký tự, ví dụ "canbo@gialai.gov.vn".', context: { code: 'STAFF_EMAIL_INVALID' } };
const username = { message: 'Tên đăng nhập (username) phải là chuỗi ký tự, ví dụ "canbo.songoaivu".', context: { code: 'STAFF_USER_UNKNOWN' } };

export class StaffParamsDto {
  @ApiProperty({ example: 'GL.SNGV', description: 'Mã đơn vị' })
  @IsString()
  unitCode!: string;

  @ApiProperty({ enum: STAFF_ROLES, example: 'officer', description: 'leader_in_charge: lãnh đạo phụ trách; officer: cán bộ kiêm nhiệm' })
  @IsIn(STAFF_ROLES, {
    message: `Vai trò phải là một trong: ${STAFF_ROLES.join(', ')} (lãnh đạo phụ trách, cán bộ kiêm nhiệm).`,
    context: { code: 'STAFF_ROLE_INVALID' },
  })
  role!: StaffRole;
}

export class AssignStaffDto {
  @ApiProperty({ example: 'Phạm Thị Lan', description: 'Họ và tên', maxLength: 200 })
  @IsString(name)
  fullName!: string;

  @ApiProperty({ example: 'Chuyên viên Phòng Thông tin đối ngoại', description: 'Chức vụ', maxLength: 200 })
  @IsString(position)
  position!: string;

  @ApiPropertyOptional({ example: '0269 3824 123', nullable: true, description: 'Số điện thoại: chữ số, dấu cách, "+", ".", "-"; 8–15 chữ số' })
  @IsOptional()
  @IsString(phone)
  phone?: string | null;

  @ApiPropertyOptional({ example: 'lanpt@gialai.gov.vn', nullable: true, description: 'Thư điện tử công vụ' })
  @IsOptional()
  @IsString(email)
  email?: string | null;

  @ApiPropertyOptional({
    example: 'canbo.songoaivu',
    nullable: true,
    description: 'Tên đăng nhập của người được cử, nếu đã có tài khoản trong tỉnh; bỏ trống nếu chưa có',
  })
  @IsOptional()
  @IsString(username)
  @Matches(/^[A-Za-z0-9._-]{1,100}$/, username)
  username?: string | null;
}
