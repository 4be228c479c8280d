import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser } from '../auth/auth-user';
import { CurrentUser } from '../auth/current-user.decorator';
import { actorOf } from '../common/actor-of';
import { TaskListQuery } from './task-list.query';
import { TimelineQuery } from './timeline.query';
import { TaskQueryService } from './task-query.service';
import { taskWorkflowId } from '@duban/domain/task/task-types';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TaskQueryService) {}

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
}
