import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

/**
 * The @duban/* aliases are written in tsconfig.json (tsc, jest) and .swcrc (swc rewrites them to
 * relative paths in dist/): both must say the same, and every alias must name a real place.
 */
const root = join(__dirname, '..');
const read = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));
const tsPaths: Record<string, string[]> = read('tsconfig.json').compilerOptions.paths;
const swc = read('.swcrc').jsc;

describe('path aliases', () => {
  it('are the same for tsc and jest (tsconfig.json) as for the build (.swcrc)', () => {
    expect(swc.paths).toEqual(tsPaths);
    expect(swc.baseUrl).toBe(read('tsconfig.json').compilerOptions.baseUrl);
  });

  it('each lead to a folder or file of the tree', () => {
    const missing = Object.values(tsPaths)
      .map(([target]) => target.replace(/\/\*$/, ''))
      .filter((target) => !existsSync(join(root, target)) && !existsSync(join(root, `${target}.ts`)));
    expect(missing).toEqual([]);
  });

  it('resolve at run time as in the build: a library module is the same object by alias and by path', () => {
    // jest maps the alias (moduleNameMapper from tsconfig.json); the built code has relative paths.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(require('@duban/domain/task/task-types')).toBe(require('../libs/domain/src/task/task-types'));
  });
});
