import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { PlanParseError, PlanParseErrorInit } from './errors';
import { tooComplex } from './limits';
import { ParsePlanOptions } from './parse-plan';

/** Longest a parse may take, and the heap it may use: a real plan needs well under a second and 100 MB. */
export const PARSE_TIMEOUT_MS = 20_000;
export const PARSE_HEAP_MB = 512;
/** Documents parsed at once per process; the rest wait their turn. */
const PARSE_CONCURRENCY = 2;

let running = 0;
const queue: (() => void)[] = [];

/**
 * parsePlan in a worker thread, so a large or hostile document never blocks the server's event
 * loop (health checks and other users stay answered), bounded in time and memory: a document
 * that exceeds either is refused as TOO_COMPLEX. Errors come back as the same PlanParseError.
 */
export async function parsePlanOffThread(buffer: Buffer, options: ParsePlanOptions = {}): Promise<PlanTree> {
  if (running >= PARSE_CONCURRENCY) await new Promise<void>((r) => queue.push(r));
  else running++;
  try {
    return await runWorker(buffer, options);
  } finally {
    const next = queue.shift();
    if (next) next();
    else running--;
  }
}

function runWorker(buffer: Buffer, options: ParsePlanOptions): Promise<PlanTree> {
  return new Promise((done, fail) => {
    const worker = new Worker(workerScript(), {
      workerData: { buffer, options },
      resourceLimits: { maxOldGenerationSizeMb: PARSE_HEAP_MB },
    });
    let settled = false;
    const settle = (action: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      action();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          fail(
            tooComplex(
              `文件解析超过 ${PARSE_TIMEOUT_MS / 1000} 秒，已停止`,
              `Parsing took longer than ${PARSE_TIMEOUT_MS / 1000} s and was stopped`,
            ),
          ),
        ),
      PARSE_TIMEOUT_MS,
    );
    worker.once('message', (message: { ok: true; tree: PlanTree } | { ok: false; error: PlanParseErrorInit }) =>
      settle(() => (message.ok ? done(message.tree) : fail(new PlanParseError(message.error)))),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        fail(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(
                `文件解析所需内存超过 ${PARSE_HEAP_MB} MB，已停止`,
                `Parsing needed more than ${PARSE_HEAP_MB} MB and was stopped`,
              )
            : error,
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => fail(new Error(`plan parse worker exited with code ${code}`))));
  });
}

/**
 * The compiled worker script. From dist/ it lies beside this file; run from the TypeScript sources
 * (tests), the build's copy is used, since a worker thread cannot load TypeScript.
 */
function workerScript(): string {
  const here = join(__dirname, 'parse-worker.js');
  if (existsSync(here)) return here;
  const root = resolve(__dirname, '../../..');
  const built = join(root, 'dist', relative(root, __dirname), 'parse-worker.js');
  if (existsSync(built)) return built;
  throw new Error(`plan parse worker not found at ${here} or ${built}: run "npm run build" first`);
}
