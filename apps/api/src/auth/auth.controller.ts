import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiException } from '../common/api-exception';
import { CurrentUser, Public, type AuthenticatedUser } from './authenticated-user';
import { CredentialsService } from './credentials.service';
import { LoginDto } from './dtos/login.dto';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(@Inject(CredentialsService) private readonly credentials: CredentialsService) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Đăng nhập, nhận mã truy cập (Bearer token)' })
  async login(@Body() body: LoginDto) {
    const session = await this.credentials.signIn(body.username, body.password);
    // The same answer for an unknown name and a wrong password: the body does not tell which accounts exist.
    if (!session) throw new ApiException(HttpStatus.UNAUTHORIZED, 'AUTH_INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    return { accessToken: session.token, user: session.user };
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại và vai trò' })
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }
}
