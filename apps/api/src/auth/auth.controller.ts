import { Body, Controller, Get, HttpCode, HttpStatus, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { ApiException } from '../common/api-exception';
import { CurrentUser, Public, type AuthenticatedUser } from './authenticated-user';
import { bearerToken } from './auth.guard';
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
  async login(@Body() body: LoginDto, @Req() request: Request) {
    const session = await this.credentials.signIn(body.username, body.password, clientAddress(request));
    // The same answer for an unknown name and a wrong password: the body does not tell which accounts exist.
    if (!session) throw new ApiException(HttpStatus.UNAUTHORIZED, 'AUTH_INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
    return { accessToken: session.token, user: session.user };
  }

  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Đăng xuất: mã truy cập này không dùng được nữa' })
  async logout(@Req() request: Request): Promise<void> {
    // The guard has checked the bearer token; it is the one to revoke.
    await this.credentials.signOut(bearerToken(request) as string);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Người dùng hiện tại và vai trò' })
  me(@CurrentUser() user: AuthenticatedUser) {
    return user;
  }
}

/** Who is signing in, as far as failed attempts are counted (SignInThrottle): the connecting address. */
export function clientAddress(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
