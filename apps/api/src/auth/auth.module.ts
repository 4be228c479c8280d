import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AccessTokenGuard } from './access-token.guard';
import { AuditLog } from './audit-log';
import { AUTH_CONFIG, loadAuthConfig } from './auth-config';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginThrottle } from './login-throttle';
import { OidcClient } from './oidc/oidc-client';
import { OidcSignIn } from './oidc/oidc-sign-in';
import { PasswordHasher } from './password-hasher';
import { RevokedTokenStore } from './revoked-token.store';
import { RolesGuard } from './roles.guard';
import { loadSignInConfig, SIGN_IN_CONFIG } from './sign-in-config';
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
    // Likewise a bad OIDC_* or AUTH_LOCAL_PASSWORDS setting.
    { provide: SIGN_IN_CONFIG, useFactory: () => loadSignInConfig() },
    AuditLog,
    AuthService,
    LoginThrottle,
    OidcClient,
    OidcSignIn,
    PasswordHasher,
    RevokedTokenStore,
    TokenService,
    { provide: APP_GUARD, useClass: AccessTokenGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [
    AuthService,
    AuditLog,
    LoginThrottle,
    PasswordHasher,
    TokenService,
    AUTH_CONFIG,
    SIGN_IN_CONFIG,
    OidcClient,
    OidcSignIn,
  ],
})
export class AuthModule {}
