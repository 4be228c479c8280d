import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from '@temporalio/client';
import { Response } from 'express';
import { DataSource } from 'typeorm';
import { TaskRepository } from '@duban/persistence/repositories/task-repository';
import { TemporalConfig } from '@duban/temporal/temporal-config';
import { Public } from '../auth/public.decorator';
import { CalendarService } from '../calendar/calendar.service';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';

type Check = { status: 'up' | 'down'; detail?: string };

/** GET /health: database, Temporal and whether a worker polls the task queue; 503 unless all up. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    // The database itself is probed with SELECT 1; what the tasks say comes from their repository.
    @InjectDataSource() private readonly db: DataSource,
    private readonly tasks: TaskRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
    private readonly calendar: CalendarService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查：数据库、Temporal、Worker' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, temporal, worker, projections, calendar] = await Promise.all([
      this.database(),
      this.temporalUp(),
      this.worker(),
      this.projectionFailures(),
      this.calendarState(),
    ]);
    const ok = database.status === 'up' && temporal.status === 'up' && worker.status === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return { status: ok ? 'up' : 'down', database, temporal, worker, projections, calendar };
  }

  /** The last year entered from a notice, and the year that needs one now (see CalendarService.gap). */
  private async calendarState(): Promise<{ lastOfficialYear: number | null; missingNotice: number | null }> {
    try {
      const [lastOfficialYear, gap] = await Promise.all([this.calendar.lastOfficialYear(), this.calendar.gap()]);
      return { lastOfficialYear, missingNotice: gap?.year ?? null };
    } catch {
      return { lastOfficialYear: null, missingNotice: null };
    }
  }

  /**
   * Tasks whose latest projection the database refused (投影失败): the workflows run on, but the
   * read model shows an older state. Reported, not counted as down: the service itself works.
   */
  private async projectionFailures(): Promise<{ failed: number | null; tasks: string[] }> {
    try {
      const { count, taskIds } = await this.tasks.projectionFailures(10);
      return { failed: count, tasks: taskIds };
    } catch {
      return { failed: null, tasks: [] };
    }
  }

  private async database(): Promise<Check> {
    return this.attempt(async () => {
      await this.db.query('SELECT 1');
      return 'PostgreSQL answers';
    });
  }

  private async temporalUp(): Promise<Check> {
    return this.attempt(async () => {
      await this.temporal.workflowService.getSystemInfo({});
      return `${this.config.address} (${this.config.namespace})`;
    });
  }

  private async worker(): Promise<Check> {
    const check = await this.attempt(async () => {
      const queue = await this.temporal.workflowService.describeTaskQueue({
        namespace: this.config.namespace,
        taskQueue: { name: this.config.taskQueue },
        taskQueueType: 1, // workflow tasks
      });
      const pollers = queue.pollers?.length ?? 0;
      if (pollers === 0) throw new Error(`no worker polls task queue "${this.config.taskQueue}"`);
      return `${pollers} poller(s) on "${this.config.taskQueue}"`;
    });
    return check;
  }

  private async attempt(probe: () => Promise<string>): Promise<Check> {
    try {
      const detail = await Promise.race([
        probe(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out after 3s')), 3000).unref()),
      ]);
      return { status: 'up', detail };
    } catch (error) {
      return { status: 'down', detail: (error as Error).message };
    }
  }
}
