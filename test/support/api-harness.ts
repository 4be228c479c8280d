import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createThrowawayDatabase } from './throwaway-database';

/** The plan the project started from (新建区生态环境局 2021 工作要点). */
export const BUNDLED_PLAN = readFileSync(
  join(__dirname, '..', '..', 'libs', 'workplan', 'fixtures', 'xinjian-2021-workplan.txt'),
);

export interface ApiHarness {
  app: INestApplication;
  worker: INestApplicationContext;
  http: () => ReturnType<typeof request>;
  login(username: string, password?: string): Promise<string>;
  /** Imports a plan (the bundled one unless given) as the holder of `token`; throws unless 201. */
  /**
   * POST /plans/import. `receiptWorkdays` defaults to 0 (no 签收) for the suites about the work
   * itself; the 签收 suites ask for it.
   */
  importPlan(
    planId: string,
    token: string,
    plan?: Buffer | string,
    receiptWorkdays?: number,
  ): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * The real API and the real worker in this process, on a throwaway database of the PostgreSQL at
 * DATABASE_URL and a task queue of their own on the Temporal server at TEMPORAL_ADDRESS.
 */
export async function startApiHarness(name: string): Promise<ApiHarness> {
  if (!process.env.TEMPORAL_ADDRESS) {
    throw new Error(
      'TEMPORAL_ADDRESS is not set: end-to-end tests need a Temporal server. Run them through `npm test`.',
    );
  }
  const db = await createThrowawayDatabase(name);
  process.env.DATABASE_URL = db.url;
  process.env.TEMPORAL_TASK_QUEUE = `e2e-${name}-${Date.now()}`;
  process.env.DUBAN_DATA_DIR = `/tmp/duban-e2e-${name}-${process.pid}`;
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: ['error'], bodyParser: false });
  configureApiApp(app);
  await app.init();
  const http = () => request(app.getHttpServer());
  return {
    app,
    worker,
    http,
    async login(username, password = 'duban-demo-2021') {
      const res = await http().post('/auth/login').send({ username, password });
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body.accessToken as string;
    },
    async importPlan(planId, token, plan = BUNDLED_PLAN, receiptWorkdays = 0) {
      const res = await http()
        .post(`/plans/import?planId=${planId}&receiptWorkdays=${receiptWorkdays}`)
        .set('Authorization', `Bearer ${token}`)
        .attach('file', Buffer.from(plan), 'plan.txt');
      if (res.status !== 201) throw new Error(`import ${planId}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Record<string, unknown>;
    },
    async close() {
      await app.close();
      await worker.close();
      await db.drop();
    },
  };
}

/** Polls until `probe` returns a truthy value (projection is asynchronous to the API). */
export async function eventually<T>(
  probe: () => Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}
