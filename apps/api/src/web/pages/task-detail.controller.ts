import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
  UploadedFiles,
  UseFilters,
  UseGuards,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiExcludeController } from '@nestjs/swagger';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { currentStage } from '@duban/domain/task/task-rules';
import { Response } from 'express';
import { NotFoundError } from '@duban/domain/errors/domain-error';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { TaskSnapshot, taskWorkflowId } from '@duban/domain/task/task-types';
import { AuthenticatedRequest } from '../../auth/authenticated-request';
import { actorOf } from '../../common/actor-of';
import { EvidenceAccess } from '../../evidence/evidence-access';
import { evidenceMulterOptions, uploadedEvidence } from '../../evidence/evidence-upload';
import { sendEvidence } from '../../evidence/evidence-download';
import { EvidenceService } from '../../evidence/evidence.service';
import { TaskActionService } from '../../tasks/task-action.service';
import { TaskReopenService } from '../../tasks/task-reopen.service';
import { checkReopen } from '@duban/domain/task/task-reopening';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { TaskQueryService } from '../../tasks/task-query.service';
import { UnitsService } from '../../units/units.service';
import { SameOriginFormGuard } from '../session/csrf-check';
import { safeNext, WebExceptionFilter } from '../session/web-exception.filter';
import { actionPayload, formRequestId } from '../view-model/action-payload';
import { availableActions, isPageAction, PageAction } from '../view-model/available-actions';
import { ACTION_LABELS, actionFormControls, CONTROL_OF_FIELD, REOPEN_CONTROLS } from './action-forms.view';
import { answerWithRefusedPage, FormRefusal, formRefusal } from '../layout/form-refusal';
import { csrfOf, formText, pageFor, queryText } from './page-context';
import { taskDetailBody } from './task-detail.view';
import { HtmlPage, MayRenderPage } from '../layout/html-page.decorator';

/** Well-formed stand-ins for the reopen form, so only role and state decide whether it is offered. */
const REOPEN_PROBE = { reason: '…', dueDate: '2099-12-31' };

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
    private readonly evidenceAccess: EvidenceAccess,
    private readonly plans: PlanRepository,
    private readonly reopening: TaskReopenService,
  ) {}

  @Get(':planId/:code')
  @HtmlPage()
  async detail(
    @Req() req: AuthenticatedRequest,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Query('done') done?: unknown,
    @Query('before') before?: unknown,
    @Query('v') actedVersion?: unknown,
    @Query('registered') registered?: unknown,
  ): Promise<string> {
    const doneAction = queryText(done);
    return this.page(req, taskWorkflowId(planId, code), {
      registered: queryText(registered) === '1',
      before: typeof before === 'string' && /^\d{1,18}$/.test(before) ? before : undefined,
      back: req.originalUrl.split('?')[0],
      done:
        isPageAction(doneAction) || doneAction === 'reopen'
          ? { action: doneAction, version: Number(queryText(actedVersion)) || Infinity }
          : null,
    });
  }

  /** The task page; after an action the notice says so, after a refusal the form says why. */
  private async page(
    req: AuthenticatedRequest,
    taskId: string,
    opts: {
      before?: string;
      back: string;
      done?: { action: PageAction | 'reopen'; version: number } | null;
      formError?: FormRefusal;
      /** Just registered (立项): the notice says to whom it went. */
      registered?: boolean;
    },
  ): Promise<string> {
    const actor = actorOf(req.user);
    const [detail, units] = await Promise.all([
      this.tasks.detail(actor, taskId, { before: opts.before }),
      this.units.list(),
    ]);
    const snapshot = detail.task.snapshot as TaskSnapshot | null;
    const ids = [
      ...[...detail.timeline, ...detail.comments].map((e) => e.actorUserId ?? ''),
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
    // A registered item says where it came from: its batch's source document.
    const batch = detail.task.sourceKind !== 'workplan' ? await this.plans.find(detail.task.planId) : null;
    const unitNames = new Map(units.map((u) => [u.code, u.name]));
    const done = opts.done;
    return pageFor(req, {
      title: detail.task.title,
      active: 'none',
      body: taskDetailBody({
        ...detail,
        actions: availableActions(actor, snapshot),
        canReopen: snapshot ? checkReopen(actor, snapshot, REOPEN_PROBE, shanghaiDate(new Date())) === null : false,
        showProjectionError: actor.role === 'supervisor' || actor.role === 'admin',
        provisionalStages: new Set(detail.stages.filter((st) => st.dueProvisional).map((st) => st.key)),
        nextDueProvisional: detail.task.nextDueProvisional,
        names,
        unitName: (c) => (c ? (unitNames.get(c) ?? c) : '—'),
        form: {
          taskId,
          csrf: csrfOf(req),
          back: opts.back,
          units: units.filter((u) => u.code !== detail.task.leadUnit).map((u) => ({ code: u.code, name: u.name })),
          currentDue: dueOf(snapshot),
        },
        formError: opts.formError ?? null,
        source: batch ? ((batch.tree as PlanTree).metadata ?? null) : null,
        notice: opts.registered
          ? `已立项并交办给${unitNames.get(detail.task.leadUnit ?? '') ?? detail.task.leadUnit}。`
          : done
            ? `已${done.action === 'reopen' ? '重新打开，请牵头单位按新期限重新整改' : ACTION_LABELS[done.action]}。${
                detail.task.projectedVersion >= done.version ? '' : '页面数据随流程更新，稍后刷新可见最新状态。'
              }`
            : null,
        now: Date.now(),
      }),
    });
  }

  /** 反弹回潮: the supervisor reopens a closed rectification from its page. */
  @Post(':planId/:code/reopen')
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  async reopen(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Body() form: Record<string, unknown>,
  ): Promise<void> {
    const taskId = taskWorkflowId(planId, code);
    const back = safeNext(typeof form.back === 'string' ? form.back : undefined);
    try {
      const request = { reason: formText(form.reason), dueDate: formText(form.dueDate) };
      const { snapshot } = await this.reopening.reopen(actorOf(req.user), taskId, request);
      res.redirect(303, `${back}${back.includes('?') ? '&' : '?'}done=reopen&v=${snapshot.version}`);
    } catch (error) {
      await answerWithRefusedPage(res, error, (refusal) =>
        this.page(req, taskId, { back, formError: formRefusal('reopen', refusal, form, REOPEN_CONTROLS) }),
      );
    }
  }

  /** An evidence file of the task, for the links on its page (the page's own cookie session). */
  @Get(':planId/:code/evidence/:evidenceId')
  async evidenceFile(
    @Req() req: AuthenticatedRequest,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Param('evidenceId') evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.evidenceAccess.file(actorOf(req.user), taskWorkflowId(planId, code), evidenceId);
    return sendEvidence(res, file);
  }

  /**
   * A form action: the same path as the REST endpoint (Temporal Update, request id for
   * idempotency). The origin and CSRF token are checked before the body is read; evidence files
   * stream to disk and are kept only once the action is allowed, and removed again if it fails.
   */
  @Post(':planId/:code/act/:action')
  @MayRenderPage()
  @UseGuards(SameOriginFormGuard)
  // Only the submit form is multipart (evidence files); the others are urlencoded, which multer leaves alone.
  @UseInterceptors(FilesInterceptor('evidence', MAX_EVIDENCE_FILES, evidenceMulterOptions(MAX_EVIDENCE_FILES)))
  async act(
    @Req() req: AuthenticatedRequest,
    @Res() res: Response,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Param('action') action: string,
    @Body() form: Record<string, unknown>,
    @UploadedFiles() files?: { originalname: string; path: string; size: number }[],
  ): Promise<void> {
    const uploads = (files ?? []).map(uploadedEvidence);
    const stored: string[] = [];
    const back = safeNext(typeof form.back === 'string' ? form.back : undefined);
    try {
      if (!isPageAction(action)) throw new NotFoundError('操作', action);
      const requestId = formRequestId(form.requestId);
      const actor = actorOf(req.user);
      const taskId = taskWorkflowId(planId, code);
      let payload = actionPayload(action, form);
      if (action === 'submit' && uploads.length > 0) {
        await this.actions.check(actor, taskId, action, payload, requestId, { pendingEvidence: uploads.length });
        const { task, stageKey } = await this.evidenceAccess.check(actor, taskId);
        for (const upload of uploads)
          stored.push((await this.evidence.store(task.id, stageKey, req.user.id, upload)).id);
        payload = { ...payload, evidenceIds: stored };
      }
      const { snapshot } = await this.actions.perform(actor, taskId, action, payload, requestId);
      stored.length = 0; // named by the submission now: kept
      // The version the action produced: the page says "稍后刷新" only if the ledger is behind it.
      const version = Number((snapshot as { version?: unknown } | undefined)?.version) || 0;
      res.redirect(303, `${back}${back.includes('?') ? '&' : '?'}done=${action}&v=${version}`);
    } catch (error) {
      if (!isPageAction(action)) throw error;
      await answerWithRefusedPage(res, error, (refusal) => {
        const refused = formRefusal(action, refusal, form, actionFormControls(action), CONTROL_OF_FIELD);
        if (uploads.length > 0) refused.message += `（所选的 ${uploads.length} 个文件未保存，请重新选择）`;
        return this.page(req, taskWorkflowId(planId, code), { back, formError: refused });
      });
    } finally {
      await this.evidence.discard(uploads);
      if (stored.length > 0) await this.evidence.remove(stored);
    }
  }
}

/** The current stage's name and Beijing due date, for the extension form. */
function dueOf(s: TaskSnapshot | null): { stageName: string; date: string } | null {
  const stage = s ? currentStage(s) : undefined;
  return stage?.dueAt ? { stageName: stage.name, date: shanghaiDate(stage.dueAt) } : null;
}
