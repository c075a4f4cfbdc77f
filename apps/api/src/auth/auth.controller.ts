import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { hashPassword, UserRepository, verifyPassword } from '@plancycle/persistence';
import { ApiException } from '../common/api-exception';
import { CurrentUser, Public, type AuthenticatedUser } from './authenticated-user';
import { LoginDto } from './dtos/login.dto';

let dummy: Promise<string> | undefined;
/** A real hash of nothing, so that checking an unknown user costs what checking a real one does. */
const dummyHash = () => (dummy ??= hashPassword(randomBytes(16).toString('hex')));

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(JwtService) private readonly jwt: JwtService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập, nhận mã truy cập (Bearer token)' })
  async login(@Body() body: LoginDto) {
    const user = await this.users.findByUsername(body.username);
    // Same answer, and the same scrypt work, for an unknown name and a wrong password: neither the
    // body nor the response time tells which accounts exist.
    const passwordMatches = await verifyPassword(body.password, user?.passwordHash ?? (await dummyHash()));
    if (!user || !user.active || !passwordMatches) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, 'AUTH_INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    return {
      accessToken: await this.jwt.signAsync({ sub: user.id }),
      user: { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles },
    };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại và vai trò' })
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }
}
