import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { NotificationQueryService } from '../../notifications/notification-query.service';
import { assertSameOriginForm } from '../session/csrf-check';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { MessageRow, messagesBody } from './messages.view';
import { csrfOf, pageFor } from './page-context';
import { unreadOf } from './unread-count.interceptor';
import { HtmlPage } from '../layout/html-page.decorator';

/** 消息: reminders, escalations and requests addressed to me; read marks by form (CSRF-checked). */
@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/messages')
export class MessagesPageController {
  constructor(private readonly notifications: NotificationQueryService) {}

  @Get()
  @HtmlPage()
  async list(@Req() req: AuthenticatedRequest): Promise<string> {
    const rows = (await this.notifications.list(actorOf(req.user), { limit: 200 })) as MessageRow[];
    return pageFor(req, {
      title: '消息',
      active: 'messages',
      body: messagesBody(rows, csrfOf(req), unreadOf(req) ?? 0),
    });
  }

  @Post('read-all')
  async readAll(@Req() req: AuthenticatedRequest, @Res() res: Response): Promise<void> {
    assertSameOriginForm(req);
    await this.notifications.markAllRead(actorOf(req.user));
    res.redirect(303, '/ui/messages');
  }

  @Post(':id/read')
  async read(
    @Req() req: AuthenticatedRequest,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    assertSameOriginForm(req);
    await this.notifications.markRead(actorOf(req.user), id);
    res.redirect(303, '/ui/messages');
  }
}
