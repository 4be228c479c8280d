import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { leafTasks } from '../leaf-tasks';
import { parsePlan } from '../parse-plan';
import { parsePlanText } from '../parse-plan-text';
import { buildDocx, DocxParagraph } from '../testing/build-docx';
import { docxToText, labelListItems } from './docx';

const codesAndLeads = (tree: Awaited<ReturnType<typeof parsePlan>>) =>
  leafTasks(tree).map((l) => [l.item.code, l.item.title, l.item.responsibility?.lead.name]);

describe('.docx with Word automatic list numbering', () => {
  const paragraphs: DocxParagraph[] = [
    { text: '示范区2022年生态环境工作要点' },
    { text: '三、主要任务' },
    { text: '深入打好蓝天保卫战', level: 0 },
    { text: '开展臭氧污染防治攻坚。(责任单位:水气股)', level: 1 },
    { text: '推进重点行业治理。', level: 1 },
    { text: '钢铁行业超低排放改造。(牵头单位:水气股;配合单位:执法分局)', level: 2 },
    // A paragraph without numbering between list items: Word keeps counting after it.
    { text: '（以下为续）' },
    { text: '水泥行业深度治理。(责任单位:监测站、水气股)', level: 2 },
    { text: '深入打好碧水保卫战', level: 0 },
    { text: '治理黑臭水体。(责任单位:生态股)', level: 1 },
  ];

  it('rebuilds the printed labels from numbering.xml: （一）, 1., 1)', async () => {
    const { text, renumbered } = await docxToText(await buildDocx(paragraphs));
    expect(renumbered).toBe(false);
    expect(text.split('\n')).toEqual(
      expect.arrayContaining([
        '（一）深入打好蓝天保卫战',
        '1.开展臭氧污染防治攻坚。(责任单位:水气股)',
        '2.推进重点行业治理。',
        '1)钢铁行业超低排放改造。(牵头单位:水气股;配合单位:执法分局)',
        '2)水泥行业深度治理。(责任单位:监测站、水气股)',
        '（二）深入打好碧水保卫战',
        '1.治理黑臭水体。(责任单位:生态股)',
      ]),
    );
  });

  it('parses into the same tree as the typed-out plan', async () => {
    const tree = await parsePlan(await buildDocx(paragraphs), { filename: 'plan.docx' });
    expect(codesAndLeads(tree)).toEqual([
      ['1.1', '开展臭氧污染防治攻坚', '水气股'],
      ['1.2.1', '钢铁行业超低排放改造', '水气股'],
      ['1.2.2', '水泥行业深度治理', '监测站'],
      ['2.1', '治理黑臭水体', '生态股'],
    ]);
    expect(tree.sections.map((s) => [s.numeral, s.title])).toEqual([
      ['一', '深入打好蓝天保卫战'],
      ['二', '深入打好碧水保卫战'],
    ]);
    expect(tree.metadata.year).toBe(2022);
  });

  it('honours a list that starts at another number', async () => {
    const buffer = await buildDocx(
      [
        { text: '某县2022年工作要点' },
        { text: '主要任务' },
        { text: '(一)大气' },
        { text: '控尘。(责任单位:水气股)', level: 0 },
      ],
      [{ numFmt: 'decimal', lvlText: '%1、', start: 5 }],
    );
    expect(codesAndLeads(await parsePlan(buffer, { filename: 'p.docx' }))).toEqual([['1.5', '控尘', '水气股']]);
  });

  it('reads the bundled plan typed into Word like the text file', async () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'xinjian-2021-workplan.txt'), 'utf8');
    const tree = await parsePlan(await buildDocx(text.split('\n').map((t) => ({ text: t }))), { filename: 'p.docx' });
    expect(codesAndLeads(tree)).toEqual(codesAndLeads(parsePlanText(text)));
  });

  it('labels an empty numbered paragraph the way Word counts it', async () => {
    const buffer = await buildDocx([
      { text: '某县2022年工作要点' },
      { text: '主要任务' },
      { text: '大气', level: 0 },
      { text: '', level: 1 },
      { text: '控尘。(责任单位:水气股)', level: 1 },
    ]);
    expect((await docxToText(buffer)).text).toContain('2.控尘。');
  });

  it('renumbers by nesting, and says so, when the labels do not match the list items', () => {
    const html = '<p>主要任务</p><ol><li>甲<ol><li>子</li></ol></li><li>乙</li></ol>';
    expect(labelListItems(html, ['（一）'])).toMatchObject({ text: '主要任务\n1.甲\n1)子\n2.乙', renumbered: true });
    expect(labelListItems(html, ['1.', '(1)', '2.'])).toMatchObject({
      text: '主要任务\n1.甲\n(1)子\n2.乙',
      renumbered: false,
    });
  });
});
