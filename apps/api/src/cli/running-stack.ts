import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runningStackEnv } from '@duban/scripts/stack/stack-file';

/**
 * Points a command-line tool at the system `npm start` runs (its .data/stack.json) unless
 * DATABASE_URL says where to go; without either, says how to get one.
 */
export function useRunningStack(env: NodeJS.ProcessEnv = process.env): void {
  if (env.DATABASE_URL?.trim()) return;
  const found = runningStackEnv(env, projectRoot());
  if (!found) {
    throw new Error(
      '找不到正在运行的系统：请在另一个终端运行 `npm start`（它会写下 .data/stack.json），或设置 DATABASE_URL 与 TEMPORAL_ADDRESS。\n' +
        'No running system found: run `npm start` in another terminal (it writes .data/stack.json), or set DATABASE_URL and TEMPORAL_ADDRESS.',
    );
  }
  for (const [name, value] of Object.entries(found)) if (!env[name]?.trim()) env[name] = value;
}

/** The checkout this tool runs from (dist/apps/api/src/cli or apps/api/src/cli). */
function projectRoot(): string {
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'duban') {
      return dir;
    }
  }
  throw new Error(`cannot find the duban checkout above ${__dirname}`);
}
