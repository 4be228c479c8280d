import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { createBulletinActivities, createKpiActivities, createTaskActivities } from '@duban/activities';
import { Notifier } from '@duban/notify/notifier';
import { CalendarStore } from '@duban/persistence/calendar/calendar-store';
import { connectTemporalWorker } from '@duban/temporal/temporal-connection';
import { loadTemporalConfig } from '@duban/temporal/temporal-config';
import { WORKFLOWS_PATH } from '@duban/workflows/workflows-path';
import { loadWorkerConfig, WorkerLogLevel } from './worker-config';

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

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(Notifier) private readonly notifier: Notifier,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const settings = loadWorkerConfig();
    installRuntimeLogger(settings.logLevel);
    const config = loadTemporalConfig();
    const margin = settings.kpiWarningMargin;
    const calendar = new CalendarStore(this.db);
    this.connection = await connectTemporalWorker(config);
    this.worker = await Worker.create({
      connection: this.connection,
      namespace: config.namespace,
      taskQueue: config.taskQueue,
      workflowsPath: WORKFLOWS_PATH,
      activities: {
        ...createTaskActivities({ db: this.db, notifier: this.notifier, calendar, publicUrl: settings.publicUrl }),
        // KPI readings and the weekly bulletin (their workflows share `notify` with the tasks).
        ...createKpiActivities(this.db, calendar),
        ...createBulletinActivities({ db: this.db, notifier: this.notifier, margin, publicUrl: settings.publicUrl }),
      },
      maxCachedWorkflows: settings.maxCachedWorkflows,
      shutdownGraceTime: '10s',
    });
    this.running = this.worker.run();
    this.running.catch((error: Error) => this.logger.error(`worker stopped: ${error.message}`));
    this.logger.log(
      `polling task queue "${config.taskQueue}" on ${config.address} (namespace ${config.namespace}); channels: ${this.notifier
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
function installRuntimeLogger(level: WorkerLogLevel): void {
  try {
    // Into the process log (pino), with the SDK's fields beside the message.
    const log = new Logger('Temporal');
    Runtime.install({
      logger: new DefaultLogger(level, (entry) => {
        const fields = entry.meta && Object.keys(entry.meta).length ? entry.meta : undefined;
        if (entry.level === 'ERROR') log.error(entry.message, fields);
        else if (entry.level === 'WARN') log.warn(entry.message, fields);
        else if (entry.level === 'INFO') log.log(entry.message, fields);
        else log.debug(entry.message, fields);
      }),
    });
  } catch {
    // Already installed in this process (e.g. tests that also run a test server): keep that one.
  }
}
