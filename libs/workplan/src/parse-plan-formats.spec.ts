import * as iconv from 'iconv-lite';
import * as yaml from 'js-yaml';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanParseError } from './errors';
import { leafTasks } from './leaf-tasks';
import { parsePlan } from './parse-plan';
import { parsePlanText } from './parse-plan-text';

const text = readFileSync(join(__dirname, '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8');
const reference = parsePlanText(text);
const shape = (tree: typeof reference) => ({
  metadata: tree.metadata,
  sections: tree.sections.length,
  leaves: leafTasks(tree).map((l) => [l.item.code, l.item.title, l.item.responsibility?.lead.name]),
  indicators: tree.targets.flatMap((t) => t.indicators.map((i) => [i.name, i.value])),
});

/** A minimal .docx: typed numbering in paragraphs, or Word automatic list numbering (numPr). */
async function docx(paragraphs: { text: string; level?: number }[]): Promise<Buffer> {
  const zip = new JSZip();
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = paragraphs
    .map((p) => {
      const numPr =
        p.level === undefined
          ? ''
          : `<w:pPr><w:numPr><w:ilvl w:val="${p.level}"/><w:numId w:val="1"/></w:numPr></w:pPr>`;
      return `<w:p>${numPr}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('parsePlan input formats', () => {
  it('reads the plan re-encoded in GB18030 exactly like the UTF-8 original', async () => {
    const tree = await parsePlan(iconv.encode(text, 'gb18030'), { filename: 'plan.txt' });
    expect(shape(tree)).toEqual(shape(reference));
    expect(tree.warnings[0].code).toBe('encoding-guessed');
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
    const buffer = await docx(text.split('\n').map((t) => ({ text: t })));
    expect(shape(await parsePlan(buffer, { filename: 'plan.docx' }))).toEqual(shape(reference));
  });

  it('reads a .docx that uses Word automatic list numbering', async () => {
    const buffer = await docx([
      { text: '示范区2022年生态环境工作要点' },
      { text: '三、主要任务' },
      { text: '(一)深入打好蓝天保卫战' },
      { text: '开展臭氧污染防治攻坚。(责任单位:水气股)', level: 0 },
      { text: '推进重点行业治理。', level: 0 },
      { text: '钢铁行业超低排放改造。(牵头单位:水气股;配合单位:执法分局)', level: 1 },
      { text: '水泥行业深度治理。(责任单位:水气股、监测站)', level: 1 },
    ]);
    const tree = await parsePlan(buffer, { filename: 'plan.docx' });
    expect(leafTasks(tree).map((l) => [l.item.code, l.item.responsibility?.lead.name])).toEqual([
      ['1.1', '水气股'],
      ['1.2.1', '水气股'],
      ['1.2.2', '水气股'],
    ]);
    expect(tree.metadata.year).toBe(2022);
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
    expect(e.where?.line).toBe(3);
  });
  it('a JSON plan that breaks the schema, with its path', async () => {
    const bad = { ...reference, metadata: { ...reference.metadata, year: 'next' } };
    const e = await refusal(Buffer.from(JSON.stringify(bad)), 'p.json');
    expect(e.code).toBe('INVALID_PLAN_JSON');
    expect(e.where?.path).toBe('/metadata/year');
  });
  it('a corrupt .docx', async () =>
    expect((await refusal(Buffer.from('PK\u0003\u0004 not really a zip'), 'p.docx')).code).toBe('MALFORMED_DOCX'));
  it('a legacy .doc', async () => expect((await refusal(Buffer.from('x'), 'p.doc')).code).toBe('UNSUPPORTED_FORMAT'));
});
