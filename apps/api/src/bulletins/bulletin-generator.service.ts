import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { BULLETIN_WORKFLOW_TYPE } from '@duban/domain/bulletin/bulletin-schedule-spec';
import { StoredBulletinRef } from '@duban/domain/bulletin/bulletin-content';
import { manualBulletinWorkflowId, WeeklyBulletinWorkflow } from '@duban/domain/bulletin/bulletin-workflow-contract';
import { isoWeekOf } from '@duban/domain/bulletin/iso-week';
import { shanghaiDate } from '@duban/domain/calendar/shanghai-time';
import { BadInputError, NotFoundError } from '@duban/domain/errors/domain-error';
import { PlanRepository } from '@duban/persistence/repositories/plan-repository';
import { TemporalConfig } from '@duban/temporal/temporal-config';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';

/**
 * On-demand generation: runs the same workflow the schedule runs, with an id per plan and week, so
 * a double click joins the running generation and a later one finds the week already stored.
 */
@Injectable()
export class BulletinGeneratorService {
  constructor(
    private readonly plans: PlanRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
  ) {}

  async generate(planId?: string, at?: string): Promise<StoredBulletinRef> {
    const when = at ? new Date(at) : new Date();
    if (Number.isNaN(when.getTime()))
      throw new BadInputError('BAD_INSTANT', `时间“${at}”无法识别，应为 ISO 时间`, `"${at}" is not an ISO instant`);
    const plan = await this.plans.findOrLatest(planId);
    if (!plan) throw new NotFoundError('计划', planId ?? '（尚未导入计划）');
    // A bulletin reports on a week of the plan's life: from its year's start to (about) now.
    const earliest = Date.UTC(plan.year, 0, 1) - 8 * 3600_000;
    const latest = Date.now() + 7 * 86_400_000;
    if (when.getTime() < earliest || when.getTime() > latest) {
      throw new BadInputError(
        'BAD_INSTANT',
        `统计时点 ${at} 须在 ${plan.year} 年 1 月 1 日之后、今天起 7 天之内`,
        `The instant ${at} must lie between the start of ${plan.year} and a week from now`,
      );
    }
    const workflowId = manualBulletinWorkflowId(plan.id, isoWeekOf(shanghaiDate(when)).week);
    try {
      const handle = await this.client.workflow.start<WeeklyBulletinWorkflow>(BULLETIN_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.taskQueue,
        args: [{ planId: plan.id, at: when.toISOString() }],
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
      return await handle.result();
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      return this.client.workflow.getHandle<WeeklyBulletinWorkflow>(workflowId).result();
    }
  }
}
