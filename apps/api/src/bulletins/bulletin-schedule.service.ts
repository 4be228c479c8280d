import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { parseBulletinSchedule } from '@duban/domain/bulletin/bulletin-schedule-spec';
import { TemporalConfig } from '@duban/temporal/temporal-config';
import { TEMPORAL_CLIENT, TEMPORAL_CONFIG } from '../temporal/temporal-client.provider';
import { apiConfig } from '../config/api-config';
import { ensureBulletinSchedule } from './bulletin-schedule';

/**
 * Registers the weekly bulletin schedule when the API starts (BULLETIN_SCHEDULE; `off` registers
 * nothing; BULLETIN_PLAN_ID pins it to one plan, otherwise it reports on the latest plan). A bad
 * BULLETIN_SCHEDULE stops the start with one line; an unreachable Temporal only logs a warning.
 */
@Injectable()
export class BulletinScheduleService implements OnApplicationBootstrap {
  private readonly logger = new Logger('BulletinSchedule');
  private readonly raw = apiConfig().bulletinSchedule;
  private readonly spec = this.raw === 'off' ? null : parseBulletinSchedule(this.raw);

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(TEMPORAL_CONFIG) private readonly config: TemporalConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.spec) return;
    try {
      const planId = apiConfig().bulletinPlanId;
      const r = await ensureBulletinSchedule(this.client, {
        taskQueue: this.config.taskQueue,
        spec: this.spec,
        planId,
      });
      this.logger.log(`${r.scheduleId} ${r.outcome}`);
    } catch (error) {
      this.logger.warn(`could not register the bulletin schedule: ${(error as Error).message}`);
    }
  }
}
