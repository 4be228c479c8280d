import * as iconv from 'iconv-lite';
import * as yaml from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@duban/domain/errors/domain-error';
import { PlanParseError } from './errors';
import { leafTasks } from './leaf-tasks';
import { parsePlan } from './parse-plan';
import { parsePlanText } from './parse-plan-text';
import { buildDocx } from './testing/build-docx';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8');
const reference = parsePlanText(text);
const shape = (tree: typeof reference) => ({
  metadata: tree.metadata,
  sections: tree.sections.length,
  leaves: leafTasks(tree).map((l) => [l.item.code, l.item.title, l.item.responsibility?.lead.name]),
  indicators: tree.targets.flatMap((t) => t.indicators.map((i) => [i.name, i.value])),
});

describe('parsePlan input formats', () => {
  it('reads the plan re-encoded in GB18030 exactly like the UTF-8 original', async () => {
    const tree = await parsePlan(iconv.encode(text, 'gb18030'), { filename: 'plan.txt' });
    // Identical tree; the only difference is the warning that says the encoding was guessed.
    expect({ ...tree, warnings: tree.warnings.filter((w) => w.code !== 'encoding-guessed') }).toEqual(reference);
    expect(tree.warnings[0]).toMatchObject({ code: 'encoding-guessed', line: 1 });
  });

  it('reads a UTF-8 file with a byte-order mark', async () => {
    const tree = await parsePlan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(shape(tree)).toEqual(shape(reference));
  });

  it('reads an HTML page of the plan', async () => {
    const html = `<!DOCTYPE html><html><head><style>p{}</style><script>var x = "1.假事项";</script></head><body>${text
      .split('\n')
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('')}</body></html>`;
    expect(shape(await parsePlan(Buffer.from(html), { filename: 'plan.html' }))).toEqual(shape(reference));
  });

  it('reads a .docx with numbering typed as text', async () => {
    const buffer = await buildDocx(text.split('\n').map((t) => ({ text: t })));
    expect(shape(await parsePlan(buffer, { filename: 'plan.docx' }))).toEqual(shape(reference));
  });

  it('reads UTF-16 with a byte-order mark', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
    expect(await parsePlan(utf16, { filename: 'plan.txt' })).toEqual(reference);
  });

  it('reads HTML with <br> lines, entities and a GBK encoding', async () => {
    const page = [
      '<html><head><meta charset="gbk"><title>x</title></head><body><div class="content">',
      '某区生态环境局2022年工作要点<br>三、主要任务<br/>（一）大气&nbsp;治理',
      '<p>1.控制扬尘&amp;油烟。（责任单位：水气股、执法分局）</p></div></body></html>',
    ].join('');
    const tree = await parsePlan(iconv.encode(page, 'gbk'), { filename: 'plan.htm' });
    expect(tree.warnings[0]).toMatchObject({ code: 'encoding-guessed', line: 1 });
    expect(leafTasks(tree).map((l) => [l.item.code, l.item.title, l.item.responsibility?.lead.name])).toEqual([
      ['1.1', '控制扬尘&油烟', '水气股'],
    ]);
  });

  it('tells the format from the content when there is no file name', async () => {
    const html = Buffer.from(
      `<!DOCTYPE html><body>${text
        .split('\n')
        .map((l) => `<p>${l}</p>`)
        .join('')}</body>`,
    );
    expect(shape(await parsePlan(html))).toEqual(shape(reference));
    expect(await parsePlan(Buffer.from(JSON.stringify(reference)))).toEqual(reference);
    expect(await parsePlan(Buffer.from(yaml.dump(reference)))).toEqual(reference);
    const docx = await buildDocx(text.split('\n').map((t) => ({ text: t })));
    expect(shape(await parsePlan(docx))).toEqual(shape(reference));
  });

  it('reads a hand-written YAML plan with an unquoted date', async () => {
    const doc = [
      'schemaVersion: 1',
      'metadata: { title: 某县2022年工作要点, year: 2022, issuedOn: 2022-03-01 }',
      'targets: []',
      'sections:',
      "  - { code: '1', numeral: 一, title: 大气, source: { line: 3 }, items: [",
      "      { code: '1.1', title: 控尘, body: 控尘。, children: [], source: { line: 4 },",
      '        deadline: { kind: ongoing, defaulted: false, raw: 长期坚持 },',
      '        responsibility: { lead: { name: 水气股, kind: unit }, cooperating: [], raw: 责任单位:水气股 } } ] }',
    ].join('\n');
    const tree = await parsePlan(Buffer.from(doc), { filename: 'plan.yml' });
    expect(tree.metadata.issuedOn).toBe('2022-03-01');
    expect(leafTasks(tree)[0].item.deadline.kind).toBe('ongoing');
  });

  it('round-trips through the JSON and YAML plan formats', async () => {
    const json = Buffer.from(JSON.stringify(reference));
    expect(await parsePlan(json, { filename: 'plan.json' })).toEqual(reference);
    const yml = Buffer.from(yaml.dump(reference));
    expect(await parsePlan(yml, { filename: 'plan.yaml' })).toEqual(reference);
  });
});

describe('parsePlan refuses bad input with a clear error', () => {
  const refusal = async (buffer: Buffer, filename?: string) => {
    try {
      await parsePlan(buffer, { filename });
    } catch (error) {
      expect(error).toBeInstanceOf(PlanParseError);
      const e = error as PlanParseError;
      expect(e.hint.length).toBeGreaterThan(0);
      return e;
    }
    throw new Error('expected a PlanParseError');
  };

  it('an empty file', async () => expect((await refusal(Buffer.alloc(0))).code).toBe('EMPTY_DOCUMENT'));
  it('a blank file', async () => expect((await refusal(Buffer.from(' \n\n '))).code).toBe('EMPTY_DOCUMENT'));
  it('a binary file', async () =>
    expect((await refusal(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2]), 'a.txt')).code).toBe('BINARY_DOCUMENT'));
  it('a document with no task section', async () =>
    expect((await refusal(Buffer.from('2021年工作总结\n一、基本情况\n今年工作顺利。'))).code).toBe('NO_TASK_SECTION'));
  it('an oversized upload', async () =>
    expect((await refusal(Buffer.alloc(11 * 1024 * 1024, 0x41))).code).toBe('TOO_LARGE'));
  it('malformed JSON, with its line', async () => {
    const e = await refusal(Buffer.from('{\n "schemaVersion": 1,\n "metadata": {,\n}'), 'p.json');
    expect(e.code).toBe('MALFORMED_JSON');
    expect(e.line).toBe(3);
  });
  it('a JSON plan that breaks the schema, with its path', async () => {
    const bad = { ...reference, metadata: { ...reference.metadata, year: 'next' } };
    const e = await refusal(Buffer.from(JSON.stringify(bad)), 'p.json');
    expect(e.code).toBe('INVALID_PLAN_JSON');
    expect(e.path).toBe('/metadata/year');
  });
  it('a JSON plan with a repeated task code, with its path', async () => {
    const copy = JSON.parse(JSON.stringify(reference));
    copy.sections[0].items[1].code = copy.sections[0].items[0].code;
    const e = await refusal(Buffer.from(JSON.stringify(copy)), 'p.json');
    expect(e.code).toBe('INVALID_PLAN_JSON');
    expect(e.path).toBe('/sections/0/items/1/code');
  });
  it('a JSON plan with a date-less dated deadline', async () => {
    const copy = JSON.parse(JSON.stringify(reference));
    delete copy.sections[1].items[0].deadline.date;
    const e = await refusal(Buffer.from(JSON.stringify(copy)), 'p.json');
    expect(e.code).toBe('INVALID_PLAN_JSON');
    expect(e.path).toBe('/sections/1/items/0/deadline');
  });
  it('malformed YAML, with its line', async () => {
    const e = await refusal(Buffer.from('schemaVersion: 1\nmetadata:\n  title: [unclosed\n  year: 2021\n'), 'p.yaml');
    expect(e.code).toBe('MALFORMED_YAML');
    expect(e.line).toBeGreaterThanOrEqual(3);
  });
  it('a YAML document that is not a plan', async () =>
    expect((await refusal(Buffer.from('- just\n- a list\n'), 'p.yaml')).code).toBe('INVALID_PLAN_JSON'));
  it('a binary file with a text name, NUL bytes past the start', async () => {
    const bytes = Buffer.concat([Buffer.from(text.slice(0, 5000)), Buffer.from([0, 1, 2, 0])]);
    expect((await refusal(bytes, 'plan.txt')).code).toBe('BINARY_DOCUMENT');
  });
  it('a plan with no year', async () =>
    expect((await refusal(Buffer.from('工作要点\n三、主要任务\n(一)大气\n1.控尘。(责任单位:水气股)'))).code).toBe(
      'NO_PLAN_YEAR',
    ));
  it('an unknown format option', async () => {
    const e = await parsePlan(Buffer.from(text), { format: 'pdf' as never }).catch((error: unknown) => error);
    expect(e).toBeInstanceOf(PlanParseError);
    expect((e as PlanParseError).code).toBe('UNSUPPORTED_FORMAT');
  });
  it('is a 400 domain error carrying both languages and the hint', async () => {
    const e = await refusal(Buffer.alloc(0));
    expect(e).toBeInstanceOf(DomainError);
    expect(e.status).toBe(400);
    expect(e.message).toBe(`${e.messageZh} / ${e.messageEn}`);
    expect(e.details).toEqual({ line: 1, path: undefined, hint: e.hint });
    expect(e.describe()).toContain('EMPTY_DOCUMENT (line 1)');
  });
  it('a corrupt .docx', async () =>
    expect((await refusal(Buffer.from('PK\u0003\u0004 not really a zip'), 'p.docx')).code).toBe('MALFORMED_DOCX'));
  it('a legacy .doc', async () => expect((await refusal(Buffer.from('x'), 'p.doc')).code).toBe('UNSUPPORTED_FORMAT'));
});
