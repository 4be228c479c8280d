import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenGuard } from './access-token.guard';
import { AuditLog } from './audit-log';
import { AUTH_CONFIG, loadAuthConfig } from './auth-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { RevokedTokenStore } from './revoked-token.store';
import { RolesGuard } from './roles.guard';
import { TokenService } from './token.service';

/**
 * Sign-in, tokens and the two global guards. Needs PersistenceModule.forRoot() (global) for the
 * repositories. Guards run in the order registered here: authentication first, then roles.
 */
@Module({
  // Secret and lifetimes are passed per call by TokenService from AUTH_CONFIG.
  imports: [JwtModule.register({})],
  controllers: [AuthController],
  providers: [
    // Loaded when the module is built, so a missing production JWT_SECRET stops the start.
    { provide: AUTH_CONFIG, useFactory: () => loadAuthConfig() },
    AuditLog,
    AuthService,
    LoginThrottle,
    PasswordHasher,
    RevokedTokenStore,
    TokenService,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService, AuditLog, PasswordHasher, TokenService, AUTH_CONFIG],
})
export class AuthModule {}
