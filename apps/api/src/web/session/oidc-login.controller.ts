import { Controller, Get, Header, Inject, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AUTH_CONFIG, AuthConfig } from '../../auth/auth-config';
import { OidcClient } from '../../auth/oidc/oidc-client';
import { OidcSignIn } from '../../auth/oidc/oidc-sign-in';
import { Public } from '../../auth/public.decorator';
import { requestOrigin } from '../../auth/request-origin';
import { html } from '../layout/html';
import { renderPage } from '../layout/page-layout';
import { sendContinuePage } from './continue-page';
import { setOidcIdTokenCookie } from './oidc-id-token-cookie';
import { setOidcLoginCookie, takeOidcLoginCookie } from './oidc-login-cookie';
import { WebExceptionFilter, safeNext } from './web-exception.filter';
import { setSessionCookies } from './web-session';

/**
 * Single sign-on of the web pages (OpenID Connect, authorization code + PKCE): the button of the
 * login page leads here, here to the provider, and the provider back to the callback, which opens
 * the same cookie session as a password sign-in.
 */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/login/oidc')
export class OidcLoginController {
  constructor(
    private readonly oidc: OidcClient,
    private readonly oidcSignIn: OidcSignIn,
    @Inject(AUTH_CONFIG) private readonly auth: AuthConfig,
  ) {}

  @Public()
  @Get()
  @Header('Cache-Control', 'no-store')
  async start(@Req() req: Request, @Res() res: Response, @Query('next') next?: string): Promise<void> {
    this.assertConfigured();
    try {
      const { checks, url } = await this.oidc.startSignIn();
      setOidcLoginCookie(req, res, { ...checks, next: safeNext(next) }, this.auth.jwtSecret);
      res.redirect(303, url.href);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendRefusal(res, error);
    }
  }

  @Public()
  @Get('callback')
  @Header('Cache-Control', 'no-store')
  async callback(@Req() req: Request, @Res() res: Response): Promise<void> {
    const config = this.assertConfigured();
    const login = takeOidcLoginCookie(req, res, this.auth.jwtSecret);
    // The address the provider sent the browser to, as registered (not as a proxy may rewrite it).
    const callbackUrl = new URL(config.redirectUri);
    callbackUrl.search = new URL(req.originalUrl, 'http://callback').search;
    try {
      const { login: session, idToken } = await this.oidcSignIn.complete(callbackUrl, login, requestOrigin(req));
      setSessionCookies(req, res, session, this.auth.refreshTtlSeconds);
      setOidcIdTokenCookie(req, res, idToken, this.auth.refreshTtlSeconds);
      sendContinuePage(res, '登录成功，正在进入', safeNext(login?.next));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      sendRefusal(res, error);
    }
  }

  private assertConfigured() {
    if (!this.oidc.config) {
      throw new DomainError('NOT_FOUND', 404, '本系统未启用统一身份认证登录', 'Single sign-on is not configured');
    }
    return this.oidc.config;
  }
}

/** Why the single sign-on did not let the person in, with the way back to the login page. */
function sendRefusal(res: Response, error: DomainError): void {
  res
    .status(error.status)
    .type('html')
    .send(
      renderPage({
        title: '统一身份认证登录未完成',
        active: 'none',
        user: null,
        body: html`<div class="error" role="alert" data-status="${error.status}" data-code="${error.code}">
            ${error.messageZh}
          </div>
          <p><a href="/ui/login">返回登录页</a></p>`,
      }),
    );
}
