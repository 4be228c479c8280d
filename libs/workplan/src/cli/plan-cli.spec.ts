import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanTree } from '@duban/domain/plan/plan-tree';
import { validatePlanJson } from '../validate-plan-json';
import { EXIT_BAD_INPUT, EXIT_OK, EXIT_USAGE, ImportCommandOptions, runPlanCli } from './plan-cli';

const fixture = join(__dirname, '..', '..', 'fixtures', 'xinjian-2021-workplan.txt');

async function cli(argv: string[], deps: Parameters<typeof runPlanCli>[1] = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runPlanCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t), ...deps });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('plan CLI', () => {
  it('prints a summary of the bundled plan', async () => {
    const { code, out } = await cli(['parse', fixture]);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('9 个板块，32 个事项，其中 3 个事项下有 16 个子事项；共 45 个末级任务');
    expect(out).toMatch(/水气股\s*13/);
    expect(out).toContain('[定性]');
    expect(out).toContain('警告（');
    expect(out).toContain('任务（45）：');
  });

  it('says per leaf what it found: units, deadlines and the source line', async () => {
    const { out } = await cli(['parse', fixture]);
    const leaves = out.split('\n').filter((l) => /^ {2}\d+\.\d+/.test(l));
    expect(leaves).toHaveLength(45);
    expect(out).toMatch(/\n {6}牵头 水气股；(配合 [^；]+；)?期限 [^；]+；第 \d+ 行/);
  });

  it('prints the plan tree as JSON that validates against the schema', async () => {
    const { code, out } = await cli(['parse', fixture, '--json']);
    expect(code).toBe(EXIT_OK);
    const tree = validatePlanJson(JSON.parse(out));
    expect(tree.sections).toHaveLength(9);
  });

  it('exits 2 with the error explained, and no stack trace, on bad input', async () => {
    const { code, err } = await cli(['parse', 'empty.txt'], { readFile: async () => Buffer.alloc(0) });
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toContain('EMPTY_DOCUMENT');
    expect(err).toContain('文件为空');
    expect(err).toContain('hint');
    expect(err).not.toMatch(/\n\s+at /);
  });

  it('exits 2 when the file cannot be read', async () => {
    const { code, err } = await cli(['parse', join(__dirname, 'no-such-plan.txt')]);
    expect(code).toBe(EXIT_BAD_INPUT);
    expect(err).toContain('cannot read the file');
  });

  it('exits 1 with the usage on a wrong command line', async () => {
    expect((await cli([])).code).toBe(EXIT_USAGE);
    expect((await cli(['parse'])).code).toBe(EXIT_USAGE);
    expect((await cli(['parse', fixture, '--format', 'pdf'])).code).toBe(EXIT_USAGE);
  });

  it('hands the parsed tree to an injected importer', async () => {
    const calls: [PlanTree, ImportCommandOptions][] = [];
    const importPlan = async (tree: PlanTree, options: ImportCommandOptions) => {
      calls.push([tree, options]);
      return { imported: tree.sections.length };
    };
    const { code, out } = await cli(['import', fixture, '--dry-run', '--plan-key', 'xj-2021'], { importPlan });
    expect(code).toBe(EXIT_OK);
    expect(calls).toHaveLength(1);
    expect(calls[0][0].metadata.year).toBe(2021);
    expect(calls[0][1]).toEqual({ file: fixture, dryRun: true, flags: { 'plan-key': 'xj-2021' } });
    expect(JSON.parse(out)).toEqual({ imported: 9 });
  });

  it('says so when no importer is wired in', async () => {
    const { code, err } = await cli(['import', fixture]);
    expect(code).toBe(EXIT_USAGE);
    expect(err).toContain('no importer');
  });

  it('reads the file the injected reader gives it', async () => {
    const text = readFileSync(fixture);
    const { code } = await cli(['parse', 'plan.txt'], { readFile: async () => text });
    expect(code).toBe(EXIT_OK);
  });
});
