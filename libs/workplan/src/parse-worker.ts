import { parentPort, workerData } from 'node:worker_threads';
import { PlanParseError } from './errors';
import { parsePlan, ParsePlanOptions } from './parse-plan';

/**
 * Entry of the parse worker thread (see parse-off-thread.ts): parses one document and posts the
 * tree, or the PlanParseError's fields, back. Nothing else runs in this thread.
 */
const { buffer, options } = workerData as { buffer: Uint8Array; options: ParsePlanOptions };

parsePlan(Buffer.from(buffer), options).then(
  (tree) => parentPort!.postMessage({ ok: true, tree }),
  (error: unknown) => {
    const e = error as PlanParseError;
    parentPort!.postMessage({
      ok: false,
      error: { code: e.code, zh: e.messageZh, en: e.messageEn, hint: e.hint, line: e.line, path: e.path },
    });
  },
);
