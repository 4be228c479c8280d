import { Body, Controller, Param, Post, Req, UploadedFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { BadInputError } from '@duban/domain/errors/domain-error';
import { TaskAction, taskWorkflowId } from '@duban/domain/task/task-types';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { IDEMPOTENCY_HEADER } from '../common/idempotency.interceptor';
import { EvidenceAccess, EvidenceUploadGuard } from '../evidence/evidence-access';
import { evidenceMulterOptions, uploadedEvidence } from '../evidence/evidence-upload';
import { EvidenceService } from '../evidence/evidence.service';
import { TEXT_LIMITS } from '@duban/domain/text/text-limits';
import {
  AddProblemDto,
  CommentDto,
  DecideExtensionDto,
  NoteDto,
  ReassignDto,
  ReasonDto,
  ReopenDto,
  RequestExtensionDto,
  SubmitStageDto,
} from './task-action.dto';
import { TaskReopenService } from './task-reopen.service';
import { TaskActionService } from './task-action.service';
import { TaskActionRoute } from './task-action-route';
import { ApiProblemResponses } from '../common/api-problem-responses';

/**
 * Human actions on a task (Temporal Updates on its workflow). Every action takes an
 * Idempotency-Key; the workflow applies one request id once.
 */
@ApiTags('task actions')
@ApiBearerAuth()
@Controller('tasks/:planId/:code')
export class TaskActionsController {
  constructor(
    private readonly actions: TaskActionService,
    private readonly evidence: EvidenceService,
    private readonly evidenceAccess: EvidenceAccess,
    private readonly reopening: TaskReopenService,
  ) {}

  private run(user: AuthUser, planId: string, code: string, action: TaskAction, body: object, req: Request) {
    return this.actions.perform(
      actorOf(user),
      taskWorkflowId(planId, code),
      action,
      { ...body },
      req.header(IDEMPOTENCY_HEADER)!,
    );
  }

  @TaskActionRoute('acknowledge', '签收（牵头单位负责人）')
  acknowledge(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'acknowledge', b, r);
  }

  @TaskActionRoute('decline', '退回督查室：不予签收并说明理由（牵头单位负责人）')
  decline(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: ReasonDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'decline', b, r);
  }

  @TaskActionRoute('submit', '提交阶段成果（承办人）')
  submit(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: SubmitStageDto,
    @Req() r: Request,
  ) {
    const { evidenceIds, ...rest } = b;
    return this.run(u, p, c, 'submit', { ...rest, evidenceIds: evidenceIds ?? [] }, r);
  }

  @TaskActionRoute('cooperate-feedback', '配合单位提交配合反馈（承办人）')
  feedback(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'cooperateFeedback', b, r);
  }

  @TaskActionRoute('confirm-cooperation', '配合单位负责人确认配合反馈')
  confirm(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'confirmCooperation', b, r);
  }

  @TaskActionRoute('approve', '审批通过（牵头单位股长）')
  approve(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'approve', b, r);
  }

  @TaskActionRoute('return', '退回（牵头单位股长退回提交，或督查室核实未通过时退回销号；须填理由）')
  returnStage(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: ReasonDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'returnStage', b, r);
  }

  @TaskActionRoute('request-extension', '申请延期')
  requestExtension(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: RequestExtensionDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'requestExtension', b, r);
  }

  @TaskActionRoute('decide-extension', '审批延期（分管领导）')
  decideExtension(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: DecideExtensionDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'decideExtension', b, r);
  }

  @TaskActionRoute('reassign', '改派牵头单位（督查室）')
  reassign(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: ReassignDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'reassign', b, r);
  }

  @TaskActionRoute('suspend', '暂停（督查室）')
  suspend(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: ReasonDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'suspend', b, r);
  }

  @TaskActionRoute('resume', '恢复（督查室）')
  resume(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'resume', b, r);
  }

  @TaskActionRoute('cancel', '撤销（督查室，须填理由）')
  cancel(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: ReasonDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'cancel', b, r);
  }

  @TaskActionRoute('close', '销号（督查室）')
  close(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: NoteDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'close', b, r);
  }

  @TaskActionRoute(
    'reopen',
    '重新打开已销号的整改（反弹回潮，督查室）：编号与记录不变，最后一个办理阶段按新期限重新办理',
  )
  reopen(@CurrentUser() u: AuthUser, @Param('planId') p: string, @Param('code') c: string, @Body() b: ReopenDto) {
    return this.reopening.reopen(actorOf(u), taskWorkflowId(p, c), { reason: b.reason, dueDate: b.dueDate });
  }

  @TaskActionRoute('comment', '评论')
  comment(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: CommentDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'comment', b, r);
  }

  @TaskActionRoute('problems', '登记整改问题（督查室或牵头单位负责人；整改类任务，销号前）')
  addProblem(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body() b: AddProblemDto,
    @Req() r: Request,
  ) {
    return this.run(u, p, c, 'addProblem', b, r);
  }

  @Post('evidence')
  @ApiOperation({
    summary: '上传佐证材料（PDF、Word、Excel、图片、文本）：只能上传到当前阶段，由当前办理该阶段的人上传',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary' }, stageKey: { type: 'string', maxLength: 48 } },
    },
  })
  // The guard refuses an upload nobody may make before multer reads the body; the file is then
  // streamed to disk, never held in memory.
  @ApiProblemResponses(400, 401, 403, 404, 413)
  @UseGuards(EvidenceUploadGuard)
  @UseInterceptors(FileInterceptor('file', evidenceMulterOptions(1)))
  async upload(
    @CurrentUser() u: AuthUser,
    @Param('planId') p: string,
    @Param('code') c: string,
    @Body('stageKey') stageKey: unknown,
    @UploadedFile() file?: { originalname: string; path: string; size: number },
  ) {
    const upload = file ? uploadedEvidence(file) : undefined;
    try {
      if (!upload)
        throw new BadInputError('FILE_REQUIRED', '请以 file 字段上传文件', 'Upload the file as multipart field "file"');
      if (stageKey !== undefined && (typeof stageKey !== 'string' || stageKey.length > TEXT_LIMITS.stageKey)) {
        throw new BadInputError(
          'BAD_STAGE_KEY',
          `stageKey 须为不超过 ${TEXT_LIMITS.stageKey} 个字符的阶段 key`,
          `stageKey must be a stage key of at most ${TEXT_LIMITS.stageKey} characters`,
        );
      }
      const { task, stageKey: key } = await this.evidenceAccess.check(actorOf(u), taskWorkflowId(p, c), stageKey);
      return await this.evidence.store(task.id, key, u.id, upload);
    } finally {
      await this.evidence.discard(upload ? [upload] : []);
    }
  }
}
