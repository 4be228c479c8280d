import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const executable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The temporal CLI to run the dev server with, in the order scripts/provision.sh uses:
 * TEMPORAL_CLI_PATH, what provisioning recorded, PATH, .tools/bin. Undefined: none on this machine.
 */
export function resolveTemporalCli(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TEMPORAL_CLI_PATH && executable(env.TEMPORAL_CLI_PATH)) return env.TEMPORAL_CLI_PATH;
  const manifest = join(root, '.tools', 'provisioned.json');
  if (existsSync(manifest)) {
    try {
      const recorded = JSON.parse(readFileSync(manifest, 'utf8'))?.temporalCli?.path as string | undefined;
      if (recorded && executable(recorded)) return recorded;
    } catch {
      // A damaged manifest is not fatal: fall through to the search below.
    }
  }
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, 'temporal'))) return join(dir, 'temporal');
  }
  const local = join(root, '.tools', 'bin', 'temporal');
  return executable(local) ? local : undefined;
}
