import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanParseError } from './errors';
import { leafTasks } from './leaf-tasks';
import { parsePlan } from './parse-plan';
import { validatePlanJson } from './validate-plan-json';

const lines = readFileSync(join(__dirname, '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8').split('\n');

/** Edits a person (or a broken converter) might make to a plan document. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
  fc.record({ op: fc.constant('drop-char' as const), at: fc.nat(), col: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), junk: fc.string({ maxLength: 20 }) }),
  fc.record({
    op: fc.constant('insert-cjk' as const),
    at: fc.nat(),
    junk: fc.constantFrom('（', '）', '(责任单位:', '1.', '(一)', '1)', '、', '：', '\u0000'),
  }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(doc: string[], ms: Mutation[]): string {
  const out = [...doc];
  for (const m of ms) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    if (m.op === 'delete') out.splice(i, 1);
    else if (m.op === 'duplicate') out.splice(i, 0, out[i]);
    else if (m.op === 'swap') [out[i], out[m.to % out.length]] = [out[m.to % out.length], out[i]];
    else if (m.op === 'drop-char')
      out[i] = out[i].slice(0, m.col % (out[i].length + 1)) + out[i].slice((m.col % (out[i].length + 1)) + 1);
    else out[i] = out[i] + m.junk;
  }
  return out.join('\n');
}

describe('parser under mutation (property)', () => {
  it('returns a tree or a PlanParseError, never anything else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 12 }), async (ms) => {
        let tree;
        try {
          tree = await parsePlan(Buffer.from(apply(lines, ms)), { filename: 'plan.txt' });
        } catch (error) {
          expect(error).toBeInstanceOf(PlanParseError);
          // UNREADABLE_DOCUMENT is the safety net for parser bugs: the property must never reach it.
          expect((error as PlanParseError).code).not.toBe('UNREADABLE_DOCUMENT');
          return;
        }
        // A tree that comes back is whole: it is a valid JSON plan, every leaf has a code and a deadline.
        expect(() => validatePlanJson(JSON.parse(JSON.stringify(tree)))).not.toThrow();
        for (const { item } of leafTasks(tree)) {
          expect(item.code).toMatch(/^\d+(-\d+)?\.\d+/);
          expect(item.deadline.kind).toBeDefined();
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('parser under arbitrary input (property)', () => {
  const formats = ['text', 'docx', 'html', 'json', 'yaml'] as const;

  const refusesOrParses = async (buffer: Buffer, format?: (typeof formats)[number]) => {
    try {
      const tree = await parsePlan(buffer, { format });
      expect(() => validatePlanJson(JSON.parse(JSON.stringify(tree)))).not.toThrow();
    } catch (error) {
      expect(error).toBeInstanceOf(PlanParseError);
      expect((error as PlanParseError).code).not.toBe('UNREADABLE_DOCUMENT');
    }
  };

  it('any bytes, read as any format: a tree or a PlanParseError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom(undefined, ...formats), (bytes, format) =>
        refusesOrParses(Buffer.from(bytes), format),
      ),
      { numRuns: 200 },
    );
  });

  it('any text spliced into the plan, read as any format: a tree or a PlanParseError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 60 }), fc.nat(), fc.constantFrom(...formats), (junk, at, format) => {
        const text = lines.join('\n');
        const i = at % text.length;
        return refusesOrParses(Buffer.from(text.slice(0, i) + junk + text.slice(i)), format);
      }),
      { numRuns: 100 },
    );
  });
});
