import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, Observable, switchMap } from 'rxjs';
import { actorOf } from '../../common/actor-of';
import { NotificationQueryService } from '../../notifications/notification-query.service';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { RENDERS_PAGE } from '../layout/html-page.decorator';

const UNREAD = Symbol('unread notifications');

/** The unread count the page's nav shows beside 消息, counted once per page request. */
export function unreadOf(req: AuthenticatedRequest): number | undefined {
  return (req as unknown as Record<symbol, number | undefined>)[UNREAD];
}

/**
 * Counts the signed-in user's unread notifications before a page renders, so every page's nav
 * can show it without each controller asking. Only handlers marked as rendering a page
 * (@HtmlPage, @MayRenderPage) pay for it: not downloads, exports, assets or the JSON API.
 */
@Injectable()
export class UnreadCountInterceptor implements NestInterceptor {
  constructor(
    private readonly notifications: NotificationQueryService,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const page = this.reflector.get<boolean | undefined>(RENDERS_PAGE, context.getHandler());
    if (!page || !req.user) return next.handle();
    return from(
      this.notifications.unreadCount(actorOf(req.user)).then(
        (n) => n,
        () => undefined, // the page renders without the count rather than fail
      ),
    ).pipe(
      switchMap((n) => {
        (req as unknown as Record<symbol, number | undefined>)[UNREAD] = n;
        return next.handle();
      }),
    );
  }
}
