import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPOSITORIES } from './repository-providers';
import { TRANSACTION_ONLY_WRITERS } from './transactions';

describe('the repositories Nest provides', () => {
  it('are every class of this folder: a new repository cannot be forgotten', async () => {
    const files = readdirSync(__dirname).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.spec.ts') && f !== 'repository-providers.ts',
    );
    const modules: Record<string, unknown>[] = await Promise.all(files.map((f) => import(join(__dirname, f))));
    const classes = modules
      .flatMap((m) => Object.values(m))
      .filter((v): v is new (...args: never[]) => unknown => typeof v === 'function' && /^class /.test(String(v)));
    expect(classes.length).toBeGreaterThanOrEqual(9);
    const known: unknown[] = [...REPOSITORIES, ...TRANSACTION_ONLY_WRITERS];
    for (const c of classes) expect(known).toContain(c);
    for (const c of TRANSACTION_ONLY_WRITERS) expect(REPOSITORIES).not.toContain(c);
  });
});
