import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { sendEvidence } from '../evidence/evidence-download';
import { EvidenceAccess } from '../evidence/evidence-access';
import { TaskListQuery } from './task-list.query';
import { TimelineQuery } from './timeline.query';
import { TaskQueryService } from './task-query.service';
import { taskWorkflowId } from '@duban/domain/task/task-types';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(
    private readonly tasks: TaskQueryService,
    private readonly evidence: EvidenceAccess,
  ) {}

  @Get()
  @ApiOperation({ summary: '督办台账：按单位、状态、红黄绿灯、阶段、期限、关键词筛选，分页排序' })
  list(@CurrentUser() user: AuthUser, @Query() query: TaskListQuery) {
    return this.tasks.list(actorOf(user), query);
  }

  /** Task ids contain a slash ("<plan>/<code>"), so the plan and code come as two segments. */
  @Get(':planId/:code')
  @ApiOperation({
    summary: '任务详情：阶段、时间线（新的在前，分页：before=timelineNext）、督办、佐证材料、评论',
  })
  detail(
    @CurrentUser() user: AuthUser,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Query() page: TimelineQuery,
  ) {
    return this.tasks.detail(actorOf(user), taskWorkflowId(planId, code), page);
  }

  @Get(':planId/:code/evidence/:evidenceId')
  @ApiOperation({
    summary: '下载佐证材料：与任务同样的可见范围；PDF 和图片在浏览器中打开，其他文件下载，文件名为上传时的中文名',
  })
  @ApiProduces('application/octet-stream')
  async downloadEvidence(
    @CurrentUser() user: AuthUser,
    @Param('planId') planId: string,
    @Param('code') code: string,
    @Param('evidenceId') evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    return sendEvidence(res, await this.evidence.file(actorOf(user), taskWorkflowId(planId, code), evidenceId));
  }
}
