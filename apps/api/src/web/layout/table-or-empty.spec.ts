import { html } from './html';
import { tableOrEmpty } from './table-or-empty';

describe('tableOrEmpty', () => {
  const rows = [{ code: '1.1', title: '<b>任务</b>', days: 3 }];
  const table = (items: typeof rows, emptyId?: string) =>
    tableOrEmpty({
      id: 'overdue-table',
      className: 'stack-sm',
      columns: ['编号', '任务', { label: '逾期天数', numeric: true }],
      rows: items,
      row: (r) =>
        html`<tr>
          <td>${r.code}</td>
          <td>${r.title}</td>
          <td class="num">${r.days}</td>
        </tr>`,
      empty: '没有逾期任务。',
      emptyId,
    }).toString();

  it('renders headers (numeric ones right-aligned) and escaped rows', () => {
    const out = table(rows);
    expect(out).toContain('<table id="overdue-table" class="stack-sm">');
    expect(out).toContain('<th>编号</th>');
    expect(out).toContain('<th class="num">逾期天数</th>');
    expect(out).toContain('<td>&lt;b&gt;任务&lt;/b&gt;</td>');
  });

  it('says so in one sentence, with its id, when there is nothing to list', () => {
    expect(table([], 'overdue-empty')).toBe('<p class="muted" id="overdue-empty">没有逾期任务。</p>');
    expect(table([])).not.toContain('<table');
  });
});
