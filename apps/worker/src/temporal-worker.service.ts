import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createBulletinActivities, createKpiActivities, createTaskActivities } from '../../../activities';
import { parseWarningMargin } from '../../../libs/domain/src/kpi/kpi-config';
import { loadNotifyConfig, createChannels, Notifier } from '../../../libs/notify/src';
import { CalendarStore } from '../../../libs/persistence/src/calendar/calendar-store';
import { PostgresDeliveryLog } from '../../../libs/persistence/src/notification/postgres-delivery-log';
import { PostgresInboxStore } from '../../../libs/persistence/src/notification/postgres-inbox-store';
import { connectTemporalWorker } from '../../../libs/temporal/src/temporal-connection';
import { loadTemporalConfig } from '../../../libs/temporal/src/temporal-config';

/**
 * Hosts the Temporal worker: task workflows (bundled from workflows/) and their activities, which
 * get the database and the notifier from Nest's container. Shuts down gracefully with the app.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('TemporalWorker');
  private worker?: Worker;
  private connection?: NativeConnection;
  /** Settles when the worker stops; rejects when it fails (the process entry decides to exit). */
  running?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    installRuntimeLogger();
    const config = loadTemporalConfig();
    const notifyConfig = loadNotifyConfig();
    const margin = parseWarningMargin(process.env.KPI_WARNING_MARGIN);
    const notifier = new Notifier(
      createChannels(notifyConfig, new PostgresInboxStore(this.db)),
      new PostgresDeliveryLog(this.db),
      { leaseMs: notifyConfig.leaseMs },
    );
    const calendar = new CalendarStore(this.db);
    this.connection = await connectTemporalWorker(config);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: config.namespace,
      taskQueue: config.taskQueue,
      workflowsPath: require.resolve('../../../workflows'),
      activities: {
        ...createTaskActivities({ db: this.db, notifier, calendar, publicUrl: process.env.PUBLIC_URL }),
        // KPI readings and the weekly bulletin (their workflows share `notify` with the tasks).
        ...createKpiActivities(this.db, calendar),
        ...createBulletinActivities({ db: this.db, notifier, margin, publicUrl: process.env.PUBLIC_URL }),
      },
      maxCachedWorkflows: Number(process.env.WORKER_MAX_CACHED_WORKFLOWS ?? 2000),
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run();
    this.running.catch((error: Error) => this.logger.error(`worker stopped: ${error.message}`));
    this.logger.log(
      `polling task queue "${config.taskQueue}" on ${config.address} (namespace ${config.namespace}); channels: ${notifier
        .enabledChannels()
        .join(', ')}`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }
}

/** SDK logs at WORKER_LOG_LEVEL (default WARN): worker state changes at INFO drown the app's own log. */
function installRuntimeLogger(): void {
  try {
    const level = (process.env.WORKER_LOG_LEVEL ?? 'WARN').toUpperCase() as
      'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
    Runtime.install({ logger: new DefaultLogger(level) });
  } catch {
    // Already installed in this process (e.g. tests that also run a test server): keep that one.
  }
}
