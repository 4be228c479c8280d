import { ImportResult } from '../plans/plan-import.types';
import { formatImportResult } from './format-import-result';

const result = (over: Partial<ImportResult> = {}): ImportResult => ({
  planId: 'xinjian-2027',
  title: '2027年生态环境工作要点',
  year: 2027,
  status: 'new',
  applied: false,
  requiresConfirmation: false,
  dryRun: true,
  counts: { sections: 9, items: 48, leaves: 45, targets: 10, indicators: 14 },
  leadUnits: { 'water-air': 13, ecology: 9, 'unit-e7a2': 1 },
  warnings: [{ code: 'no-responsible-unit', line: 52, message: '未找到责任单位' }],
  unknownUnits: [],
  createdUnits: [],
  diff: null,
  workflows: { started: 0, existing: 0, failed: 0 },
  ...over,
});

const names = new Map([
  ['water-air', '水气股'],
  ['ecology', '生态股'],
]);

describe('an import as the terminal says it', () => {
  it('names units, not codes, and says a dry run wrote nothing', () => {
    const text = formatImportResult(result(), names);
    expect(text).toContain('2027年生态环境工作要点（计划 xinjian-2027，2027 年）：新计划，预演，未写入');
    expect(text).toContain('各牵头单位的任务数：水气股 13、生态股 9、unit-e7a2 1');
    expect(text).not.toMatch(/water-air|ecology/);
    expect(text).toContain('第 52 行：未找到责任单位');
    expect(text).not.toContain('督办流程');
  });

  it('says what a confirmed revision changed and which workflows started', () => {
    const text = formatImportResult(
      result({
        status: 'changed',
        dryRun: false,
        applied: true,
        diff: { added: [], removed: [{ code: '9.4', title: 'x' }], changed: [], targetsChanged: false },
        createdUnits: ['碳达峰办公室'],
        aliasesAdded: [{ code: 'water-air', alias: '水气科' }],
        workflows: { started: 1, existing: 44, failed: 0 },
      }),
      names,
    );
    expect(text).toContain('有修订，已写入');
    expect(text).toContain('修订：新增 0 项，修改 0 项，删除 1 项');
    expect(text).toContain('新建单位：碳达峰办公室');
    expect(text).toContain('记为别名：“水气科” → 水气股');
    expect(text).toContain('督办流程：新启动 1 个，已在运行 44 个');
  });

  it('tells an unconfirmed revision apart from an unchanged plan', () => {
    expect(
      formatImportResult(result({ status: 'changed', dryRun: false, requiresConfirmation: true }), names),
    ).toContain('未写入：修订须加 --confirm 确认');
    expect(formatImportResult(result({ status: 'unchanged', dryRun: false }), names)).toContain(
      '内容与上次导入相同，未写入（无变化）',
    );
  });
});
