import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AUTH_CONFIG, AuthConfig } from '../../auth/auth-config';
import { AuthService } from '../../auth/auth.service';
import { OidcClient } from '../../auth/oidc/oidc-client';
import { Public } from '../../auth/public.decorator';
import { requestOrigin } from '../../auth/request-origin';
import { SIGN_IN_CONFIG, SignInConfig } from '../../auth/sign-in-config';
import { TokenService } from '../../auth/token.service';
import { html, raw } from '../layout/html';
import { renderPage } from '../layout/page-layout';
import { sendContinuePage } from './continue-page';
import { assertSameOriginForm } from './csrf-check';
import { clearOidcIdTokenCookie, oidcIdToken } from './oidc-id-token-cookie';
import { WebExceptionFilter, safeNext } from './web-exception.filter';
import { clearSessionCookies, ensureCsrfCookie, sessionCookies, setSessionCookies } from './web-session';

/** Sign-in and sign-out of the web pages (the session lives in HttpOnly cookies). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class LoginController {
  constructor(
    private readonly auth: AuthService,
    private readonly tokens: TokenService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(SIGN_IN_CONFIG) private readonly signIn: SignInConfig,
    private readonly oidc: OidcClient,
  ) {}

  @Public()
  @Get('login')
  @Header('Cache-Control', 'no-store')
  loginPage(@Req() req: Request, @Res() res: Response, @Query('next') next?: string): void {
    const csrf = ensureCsrfCookie(req, res);
    res.type('html').send(loginPage(this.signIn, csrf, safeNext(next), '', null));
  }

  @Public()
  @Post('login')
  async login(
    @Req() req: Request,
    @Res() res: Response,
    @Body() body: { username?: string; password?: string; next?: string; _csrf?: string },
  ): Promise<void> {
    assertSameOriginForm(req);
    const username = String(body.username ?? '');
    const next = safeNext(body.next);
    try {
      // With passwords off, AuthService refuses whatever was typed (and audits it).
      if (this.signIn.localPasswords && (!username.trim() || !body.password)) {
        throw new DomainError('BAD_INPUT', 400, '请输入用户名和密码', 'Enter username and password');
      }
      const result = await this.auth.login(username, String(body.password ?? ''), requestOrigin(req));
      setSessionCookies(req, res, result, this.config.refreshTtlSeconds);
      res.redirect(303, next);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.status === 429 && error.details) {
        res.setHeader('Retry-After', String((error.details as { retryAfterSeconds: number }).retryAfterSeconds));
      }
      res
        .status(error.status)
        .type('html')
        .send(loginPage(this.signIn, sessionCookies(req).csrf ?? '', next, username, error.messageZh));
    }
  }

  /**
   * Public so that a session whose access token has just expired can still end: the refresh token
   * is revoked either way, otherwise it could bring the session back. A single sign-on session
   * then ends at the provider too, when it offers a sign-out (RP-initiated logout).
   */
  @Public()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    assertSameOriginForm(req);
    const { access, refresh } = sessionCookies(req);
    const session = access ? await this.auth.authenticate(access).catch(() => null) : null;
    let via = session?.claims.via;
    if (session) {
      await this.auth.logout(session.user, session.claims, refresh, requestOrigin(req));
    } else if (refresh) {
      const claims = await this.tokens.verify(refresh, 'refresh').catch(() => null);
      if (claims) {
        via = claims.via;
        await this.tokens.revoke(claims);
        await this.tokens.revokeFamily(claims.fam);
      }
    }
    clearSessionCookies(res);
    const idToken = oidcIdToken(req);
    clearOidcIdTokenCookie(res);
    const providerSignOut = via === 'oidc' && this.oidc.config ? await this.oidc.endSessionUrl(idToken) : null;
    if (providerSignOut) return sendContinuePage(res, '已退出本系统，正在退出统一身份认证', providerSignOut.href);
    res.redirect(303, '/ui/login?loggedOut=1');
  }
}

/**
 * The password form and, with OIDC configured, the single sign-on button (OIDC_LABEL); with
 * AUTH_LOCAL_PASSWORDS=off the button alone.
 */
function loginPage(signIn: SignInConfig, csrf: string, next: string, username: string, error: string | null): string {
  const sso = signIn.oidc
    ? html`<p class="btn-row">
        <a class="btn" id="sso-login" href="/ui/login/oidc?next=${encodeURIComponent(next)}">${signIn.oidc.label}</a>
      </p>`
    : '';
  if (!signIn.localPasswords) {
    return renderPage({
      title: '登录',
      active: 'none',
      user: null,
      body: html`<div class="card login">
        ${error ? html`<div class="error" role="alert" id="login-error">${error}</div>` : ''}
        <p>本系统使用统一身份认证登录。</p>
        ${sso}
      </div>`,
    });
  }
  return renderPage({
    title: '登录',
    active: 'none',
    user: null,
    body: html`<form class="card login" method="post" action="/ui/login">
      ${error ? html`<div class="error" role="alert" id="login-error">${error}</div>` : ''}
      <input type="hidden" name="_csrf" value="${csrf}" />
      <input type="hidden" name="next" value="${next}" />
      <label
        >用户名<input
          type="text"
          name="username"
          value="${username}"
          autocomplete="username"
          required
          ${error ? raw('aria-invalid="true" aria-describedby="login-error"') : ''}
      /></label>
      <label
        >密码<input
          type="password"
          name="password"
          autocomplete="current-password"
          required
          ${error ? raw('aria-invalid="true" aria-describedby="login-error"') : ''}
          ${error ? raw('autofocus') : ''}
      /></label>
      <button class="btn" type="submit">登录</button>
      ${
        sso
          ? html`<p>或</p>
              ${sso}`
          : ''
      }
    </form>`,
  });
}
