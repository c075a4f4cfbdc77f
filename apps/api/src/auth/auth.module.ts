import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { CredentialsService } from './credentials.service';
import { ProvinceAccessService } from './province-access.service';
import { SignInThrottle } from './sign-in-throttle';

const TOKEN_LIFETIME = '8h'; // one working day

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: config.value.api.jwtSecret, signOptions: { expiresIn: TOKEN_LIFETIME } }),
    }),
  ],
  controllers: [AuthController],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, ProvinceAccessService, CredentialsService, SignInThrottle],
  exports: [ProvinceAccessService, CredentialsService],
})
export class AuthModule {}
