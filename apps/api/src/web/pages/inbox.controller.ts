import { Controller, Get, Header, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { InboxService } from '../../inbox/inbox.service';
import { TaskQueryService } from '../../tasks/task-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { availableActions, isPageAction } from '../view-model/available-actions';
import { ACTION_LABELS } from './action-forms.view';
import { inboxBody } from './inbox.view';
import { csrfOf, pageFor, queryText } from './page-context';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class InboxPageController {
  constructor(
    private readonly inbox: InboxService,
    private readonly tasks: TaskQueryService,
    private readonly units: UnitsService,
  ) {}

  @Get('inbox')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async inboxPage(@Req() req: AuthenticatedRequest, @Query('done') done?: unknown): Promise<string> {
    const actor = actorOf(req.user);
    const [items, units] = await Promise.all([this.inbox.list(actor), this.units.list()]);
    const snapshots = await this.tasks.visibleSnapshots(
      actor,
      items.map((t) => t.id),
    );
    const names = new Map(units.map((u) => [u.code, u.name]));
    const doneAction = queryText(done);
    return pageFor(req, {
      title: '我的待办',
      active: 'inbox',
      body: inboxBody(
        items.map((task) => ({
          task,
          actions: availableActions(actor, (snapshots.get(task.id) as TaskSnapshot | undefined) ?? null),
        })),
        (c) => (c ? (names.get(c) ?? c) : '—'),
        csrfOf(req),
        isPageAction(doneAction) ? `已${ACTION_LABELS[doneAction]}。` : null,
      ),
    });
  }
}
