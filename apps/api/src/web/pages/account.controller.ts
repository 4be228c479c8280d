import { Body, Controller, Get, Inject, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { BadInputError, DomainError } from '@duban/domain/errors/domain-error';
import { AUTH_CONFIG, AuthConfig } from '../../auth/auth-config';
import { AuthService } from '../../auth/auth.service';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { AllowedBeforePasswordChange } from '../../auth/public.decorator';
import { requestOrigin } from '../../auth/request-origin';
import { formRefusal } from '../layout/form-refusal';
import { HtmlPage } from '../layout/html-page.decorator';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { setSessionCookies } from '../session/web-session';
import { accountBody } from './account.view';
import { csrfOf, pageFor } from './page-context';

const CONTROLS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

/** 账号与密码: everyone's own account page and self-service password change. */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@AllowedBeforePasswordChange()
@Controller('ui/account')
export class AccountPageController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  @Get()
  @HtmlPage()
  page(
    @Req() req: AuthenticatedRequest,
    @Query('changed') changed?: string,
    @Query('required') required?: string,
  ): string {
    const notice = changed === '1' ? 'changed' : required === '1' ? 'required' : null;
    return pageFor(req, {
      title: '账号与密码',
      active: 'none',
      body: accountBody(req.user, csrfOf(req), null, notice),
    });
  }

  @Post('password')
  async change(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    assertSameOriginForm(req);
    const [current, next, confirm] = CONTROLS.map((c) => (typeof body[c] === 'string' ? (body[c] as string) : ''));
    try {
      if (next !== confirm) {
        throw new BadInputError('PASSWORDS_DIFFER', '两次输入的新密码不一致', 'The new passwords differ', {
          field: 'confirmPassword',
        });
      }
      const pair = await this.auth.changePassword(req.user, current, next, requestOrigin(req));
      setSessionCookies(req, res, pair, this.config.refreshTtlSeconds);
      res.redirect(303, '/ui/account?changed=1');
    } catch (error) {
      // 429: too many wrong current passwords; said in the form like any other refusal.
      if (!(error instanceof DomainError) || (error.status !== 400 && error.status !== 429)) throw error;
      // Nothing typed is echoed back: these are passwords.
      const refusal = formRefusal('password', error, {}, CONTROLS);
      res
        .status(error.status)
        .type('html')
        .setHeader('Cache-Control', 'no-store')
        .send(
          pageFor(req, {
            title: '账号与密码',
            active: 'none',
            body: accountBody(req.user, csrfOf(req), refusal, null),
          }),
        );
    }
  }
}
