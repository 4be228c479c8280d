import { Controller, Get, Query, Req, UseFilters } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { TaskSnapshot } from '@duban/domain/task/task-types';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { EscalationQueryService } from '../../escalations/escalation-query.service';
import { EvidenceService } from '../../evidence/evidence.service';
import { InboxService } from '../../inbox/inbox.service';
import { TaskQueryService } from '../../tasks/task-query.service';
import { UnitsService } from '../../units/units.service';
import { WebExceptionFilter } from '../session/web-exception.filter';
import { availableActions, isPageAction } from '../view-model/available-actions';
import { inboxAsk } from '../view-model/inbox-ask';
import { ACTION_LABELS } from './action-forms.view';
import { inboxBody } from './inbox.view';
import { csrfOf, pageFor, queryText } from './page-context';
import { HtmlPage } from '../layout/html-page.decorator';

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui')
export class InboxPageController {
  constructor(
    private readonly inbox: InboxService,
    private readonly tasks: TaskQueryService,
    private readonly units: UnitsService,
    private readonly evidence: EvidenceService,
    private readonly escalations: EscalationQueryService,
  ) {}

  @Get('inbox')
  @HtmlPage()
  async inboxPage(@Req() req: AuthenticatedRequest, @Query('done') done?: unknown): Promise<string> {
    const actor = actorOf(req.user);
    const [items, units, escalations] = await Promise.all([
      this.inbox.list(actor),
      this.units.list(),
      // The rungs of the ladder that reach this role; the other rungs are other people's to act on.
      this.escalations.open(actor, { toRole: actor.role }),
    ]);
    const snapshots = await this.tasks.visibleSnapshots(
      actor,
      items.map((t) => t.id),
    );
    const names = new Map(units.map((u) => [u.code, u.name]));
    const asks = new Map(items.map((t) => [t.id, inboxAsk((snapshots.get(t.id) as TaskSnapshot | undefined) ?? null)]));
    const [people, files] = await Promise.all([
      this.tasks.actorNames([...asks.values()].map((a) => a?.by ?? '')),
      this.evidence.namesOf([...asks.values()].flatMap((a) => a?.evidenceIds ?? [])),
    ]);
    const doneAction = queryText(done);
    return pageFor(req, {
      title: '我的待办',
      active: 'inbox',
      body: inboxBody(
        items.map((task) => ({
          task,
          actions: availableActions(actor, (snapshots.get(task.id) as TaskSnapshot | undefined) ?? null),
          ask: asks.get(task.id) ?? null,
        })),
        { people, files },
        (c) => (c ? (names.get(c) ?? c) : '—'),
        csrfOf(req),
        isPageAction(doneAction) ? `已${ACTION_LABELS[doneAction]}。` : null,
        escalations,
      ),
    });
  }
}
