import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { lastValueFrom, of } from 'rxjs';
import { NotificationQueryService } from '../../notifications/notification-query.service';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';
import { unreadOf, UnreadCountInterceptor } from './unread-count.interceptor';

class Handlers {
  @HtmlPage()
  page() {}

  @MayRenderPage()
  form() {}

  download() {}
}

const user = { id: 'u1', username: 'water-air.head', role: 'unit-head', unitCode: 'water-air' };

async function run(handler: keyof Handlers, count: () => Promise<number>, signedIn = true) {
  const asked: string[] = [];
  const notifications = {
    unreadCount: (actor: { userId: string }) => {
      asked.push(actor.userId);
      return count();
    },
  } as unknown as NotificationQueryService;
  const req = { method: 'GET', path: '/ui/x', user: signedIn ? user : undefined } as unknown as AuthenticatedRequest;
  const context = {
    switchToHttp: () => ({ getRequest: () => req }),
    getHandler: () => Handlers.prototype[handler],
  } as unknown as ExecutionContext;
  const answer = await lastValueFrom(
    new UnreadCountInterceptor(notifications, new Reflector()).intercept(context, { handle: () => of('body') }),
  );
  return { answer, asked, unread: unreadOf(req) };
}

describe('the unread count of the nav', () => {
  it('is counted for a page and for a form that may render its page again', async () => {
    await expect(run('page', async () => 3)).resolves.toEqual({ answer: 'body', asked: ['u1'], unread: 3 });
    await expect(run('form', async () => 0)).resolves.toEqual({ answer: 'body', asked: ['u1'], unread: 0 });
  });

  it('is not counted for a download, an export or a visitor', async () => {
    await expect(run('download', async () => 3)).resolves.toEqual({ answer: 'body', asked: [], unread: undefined });
    await expect(run('page', async () => 3, false)).resolves.toEqual({ answer: 'body', asked: [], unread: undefined });
  });

  it('leaves the page to render without the count when counting fails', async () => {
    await expect(run('page', () => Promise.reject(new Error('db down')))).resolves.toEqual({
      answer: 'body',
      asked: ['u1'],
      unread: undefined,
    });
  });
});
