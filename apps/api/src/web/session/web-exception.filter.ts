import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Injectable, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { DomainError } from '@duban/domain/errors/domain-error';
import { AUTH_CONFIG, AuthConfig } from '../../auth/auth-config';
import { ProblemDetailsFilter } from '../../common/problem-details.filter';
import { PasswordChangeRequiredError } from '../../auth/auth-errors';
import { AuthService } from '../../auth/auth.service';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { requestOrigin } from '../../auth/request-origin';
import { html } from '../layout/html';
import { renderPage } from '../layout/page-layout';
import { clearSessionCookies, sessionCookies, setSessionCookies } from './web-session';

/**
 * Errors on the web pages become pages, not JSON: no or expired session → a silent refresh with
 * the refresh cookie (GET only), else the login page with ?next=; a refused action or a missing
 * task → a Chinese error page with the same status the API would answer.
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(WebExceptionFilter.name);

  constructor(
    private readonly auth: AuthService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const req = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const res = host.switchToHttp().getResponse<Response>();
    const problem = problems.toProblem(exception);
    const status = problem.status;
    if (status === 401) return this.unauthenticated(req, res);
    // An initial password must be replaced first: every page leads to the account page until then.
    if (exception instanceof PasswordChangeRequiredError) return res.redirect(303, '/ui/account?required=1');
    if (status >= 500)
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : exception);
    const message =
      exception instanceof DomainError
        ? exception.messageZh
        : status === 404
          ? '页面不存在'
          : status < 500 && exception instanceof HttpException
            ? messageOf(exception)
            : status === 503
              ? problem.message
              : '服务器内部错误，请稍后重试';
    const retryAfter = (problem.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    const back = safeNext(refererPath(req.get('referer')));
    res
      .status(status)
      .type('html')
      .send(
        renderPage({
          title: status === 403 ? '无权操作' : status === 404 ? '未找到' : '操作未完成',
          active: 'none',
          user: req.user ?? null,
          csrfToken: sessionCookies(req).csrf,
          body: html`<div class="error" role="alert" data-status="${status}">${message}</div>
            <p><a href="${back}">返回上一页</a> · <a href="/ui/overview">督办总览</a></p>`,
        }),
      );
  }

  private async unauthenticated(req: Request, res: Response): Promise<void> {
    const { refresh } = sessionCookies(req);
    if (refresh && req.method === 'GET') {
      try {
        const result = await this.auth.refresh(refresh, requestOrigin(req));
        setSessionCookies(req, res, result, this.config.refreshTtlSeconds);
        res.redirect(303, req.originalUrl);
        return;
      } catch {
        // Refresh token expired, revoked or reused: sign in again.
      }
    }
    clearSessionCookies(res);
    const next = req.method === 'GET' ? req.originalUrl : (req.get('referer') ?? '/ui/overview');
    res.redirect(303, `/ui/login?next=${encodeURIComponent(safeNext(next))}`);
  }
}

const problems = new ProblemDetailsFilter();

/** The path of a Referer header (the page the user came from), if it is one. */
function refererPath(referer: string | undefined): string | undefined {
  try {
    return referer ? new URL(referer).pathname : undefined;
  } catch {
    return undefined;
  }
}

function messageOf(exception: HttpException): string {
  const body = exception.getResponse() as { message?: string | string[] } | string;
  if (typeof body === 'string') return body;
  return Array.isArray(body.message) ? body.message.join('；') : (body.message ?? exception.message);
}

/** Only our own page paths are followed after login (no open redirect). */
export function safeNext(next: string | undefined): string {
  if (!next) return '/ui/overview';
  try {
    const url = new URL(next, 'http://x');
    if (url.host !== 'x' || !url.pathname.startsWith('/ui/') || url.pathname === '/ui/login') return '/ui/overview';
    return url.pathname + url.search;
  } catch {
    return '/ui/overview';
  }
}
