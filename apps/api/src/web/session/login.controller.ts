import { Body, Controller, Get, Header, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Request, Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AUTH_CONFIG, AuthConfig } from '../../auth/auth-config';
import { AuthService } from '../../auth/auth.service';
import { Public } from '../../auth/public.decorator';
import { requestOrigin } from '../../auth/request-origin';
import { TokenService } from '../../auth/token.service';
import { html, raw } from '../layout/html';
import { renderPage } from '../layout/page-layout';
import { assertSameOriginForm } from './csrf-check';
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
  ) {}

  @Public()
  @Get('login')
  @Header('Cache-Control', 'no-store')
  loginPage(@Req() req: Request, @Res() res: Response, @Query('next') next?: string): void {
    const csrf = ensureCsrfCookie(req, res);
    res.type('html').send(loginPage(csrf, safeNext(next), '', null));
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
      if (!username.trim() || !body.password) {
        throw new DomainError('BAD_INPUT', 400, '请输入用户名和密码', 'Enter username and password');
      }
      const result = await this.auth.login(username, String(body.password), requestOrigin(req));
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
        .send(loginPage(sessionCookies(req).csrf ?? '', next, username, error.messageZh));
    }
  }

  /**
   * Public so that a session whose access token has just expired can still end: the refresh token
   * is revoked either way, otherwise it could bring the session back.
   */
  @Public()
  @Post('logout')
  async logout(@Req() req: Request, @Res() res: Response): Promise<void> {
    assertSameOriginForm(req);
    const { access, refresh } = sessionCookies(req);
    const session = access ? await this.auth.authenticate(access).catch(() => null) : null;
    if (session) {
      await this.auth.logout(session.user, session.claims, refresh, requestOrigin(req));
    } else if (refresh) {
      const claims = await this.tokens.verify(refresh, 'refresh').catch(() => null);
      if (claims) {
        await this.tokens.revoke(claims);
        await this.tokens.revokeFamily(claims.fam);
      }
    }
    clearSessionCookies(res);
    res.redirect(303, '/ui/login?loggedOut=1');
  }
}

function loginPage(csrf: string, next: string, username: string, error: string | null): string {
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
    </form>`,
  });
}
