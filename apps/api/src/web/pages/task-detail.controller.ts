import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFiles,
  UseFilters,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { Response } from 'express';
import { NotFoundError } from '../../../../../libs/domain/src/errors/domain-error';
import { TaskSnapshot } from '../../../../../libs/domain/src/task/task-types';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { EvidenceService } from '../../evidence/evidence.service';
import { MAX_EVIDENCE_BYTES } from '../../evidence/evidence-types';
import { TaskActionService } from '../../tasks/task-action.service';
import { TaskQueryService } from '../../tasks/task-query.service';
import { UnitsService } from '../../units/units.service';
import { assertSameOriginForm } from '../session/csrf-check';
import { safeNext, WebExceptionFilter } from '../session/web-exception.filter';
import { actionPayload, formRequestId } from '../view-model/action-payload';
import { availableActions, isPageAction } from '../view-model/available-actions';
import { ACTION_LABELS } from './action-forms.view';
import { csrfOf, pageFor, queryText } from './page-context';
import { taskDetailBody } from './task-detail.view';

/** Evidence files one submission may carry. */
const MAX_EVIDENCE_FILES = 5;

@ApiExcludeController()
@UseFilters(WebExceptionFilter)
@Controller('ui/tasks')
export class TaskDetailController {
  constructor(
    private readonly tasks: TaskQueryService,
    private readonly actions: TaskActionService,
    private readonly units: UnitsService,
    private readonly evidence: EvidenceService,
  ) {}

  @Get(':planId/:code')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async detail(
    @Req() req: AuthenticatedRequest,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Query('done') done?: unknown,
  ): Promise<string> {
    const actor = actorOf(req.user);
    const taskId = `${planId}/${code}`;
    const [detail, units] = await Promise.all([this.tasks.detail(actor, taskId), this.units.list()]);
    const snapshot = detail.task.snapshot as TaskSnapshot | null;
    const ids = [
      ...detail.timeline.map((e) => e.actorUserId ?? ''),
      ...detail.evidence.map((e) => e.uploadedBy),
      ...(snapshot?.stages ?? []).flatMap((s) => [
        s.submission?.by ?? '',
        s.approval?.by ?? '',
        ...(s.returns ?? []).map((r) => r.by),
        ...Object.values(s.cooperation ?? {}).flatMap((c) => [c.feedback?.by ?? '', c.confirmed?.by ?? '']),
      ]),
      snapshot?.pendingExtension?.requested.by ?? '',
    ];
    const names = await this.tasks.actorNames(ids);
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    const doneAction = queryText(done);
    return pageFor(req, {
      title: detail.task.title,
      active: 'none',
      body: taskDetailBody({
        ...detail,
        actions: availableActions(actor, snapshot),
        names,
        unitName: (c) => (c ? (unitNames.get(c) ?? c) : '—'),
        form: {
          taskId,
          csrf: csrfOf(req),
          back: req.originalUrl.split('?')[0],
          units: units.filter((u) => u.code !== detail.task.leadUnit).map((u) => ({ code: u.code, name: u.name })),
        },
        notice: isPageAction(doneAction)
          ? `已${ACTION_LABELS[doneAction]}。页面数据随流程更新，稍后刷新可见最新状态。`
          : null,
        now: Date.now(),
      }),
    });
  }

  /** A form action: the same path as the REST endpoint (Temporal Update, request id for idempotency). */
  @Post(':planId/:code/act/:action')
  // Only the submit form is multipart (evidence files); the others are urlencoded, which multer leaves alone.
  @UseInterceptors(FilesInterceptor('evidence', MAX_EVIDENCE_FILES, { limits: { fileSize: MAX_EVIDENCE_BYTES } }))
  async act(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Param('action') action: string,
    @Body() form: Record<string, unknown>,
    @UploadedFiles() files?: { originalname: string; buffer: Buffer }[],
  ): Promise<void> {
    assertSameOriginForm(req);
    if (!isPageAction(action)) throw new NotFoundError('操作', action);
    const requestId = formRequestId(form.requestId);
    const actor = actorOf(req.user);
    const taskId = `${planId}/${code}`;
    let payload = actionPayload(action, form);
    if (action === 'submit' && files?.length) {
      // Stored the way POST /tasks/…/evidence stores them, then named in the submission.
      const task = await this.tasks.visibleTask(actor, taskId);
      const evidenceIds: string[] = [];
      for (const file of files) {
        evidenceIds.push((await this.evidence.store(task.id, task.currentStageKey, req.user.id, file)).id);
      }
      payload = { ...payload, evidenceIds };
    }
    await this.actions.perform(actor, taskId, action, payload, requestId);
    const back = safeNext(typeof form.back === 'string' ? form.back : undefined);
    res.redirect(303, `${back}${back.includes('?') ? '&' : '?'}done=${action}`);
  }
}
