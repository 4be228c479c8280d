import { markerOf } from '../numbering';
import { roleOfHeader } from './table-columns';
import { tableItems } from './table-items';
import { atRows, SourceLine } from './text-tables';

/**
 * Records written as labelled lines — a table turned inside out, one field a line:
 *
 *   问题编号:第二十七项            重点工作: 全面推行林长制。
 *   整改目标:提升畜禽粪污处理…       牵头单位: 市林业园林局
 *   整改时限:2021年12月底前         年度阶段性工作目标: 第一季度:…
 *   责任单位:县畜牧兽医事务服务中心                      第二季度:…
 *
 * A run of such lines whose labels name a task (or its content) and its units is read as the rows
 * of a task table: each label is a column, a repeated label starts the next record, unlabelled
 * lines continue the field above. Labelled lines under a numbered item are that item's fields and
 * are left to the text parser.
 */
export function labelledRecordsToLines(lines: SourceLine[]): SourceLine[] {
  const out: SourceLine[] = [];
  for (let i = 0; i < lines.length;) {
    const run = recordRun(lines, i);
    if (!run) {
      out.push(lines[i++]);
      continue;
    }
    const items = tableItems([run.labels, ...run.records.map((r) => r.cells)]);
    if (!items) {
      out.push(lines[i++]);
      continue;
    }
    out.push(...atRows(items, [lines[i].no, ...run.records.map((r) => r.no)]));
    i = run.end;
  }
  return out;
}

/** "整改时限:2021年12月底前" → label and value; labels are short and known to a task table. */
function labelOf(text: string): { label: string; value: string } | null {
  const m = /^\s*([\u4e00-\u9fa5、]{2,14})\s*[:：]\s*(.*)$/.exec(text);
  if (!m || roleOfHeader(m[1]) === null) return null;
  return { label: m[1].replace(/、.*$/, ''), value: m[2].trim() };
}

/** A label of no column that is part of a field's value: a milestone ("第二季度:…", "6月底前:…"). */
const MILESTONE_LABEL =
  /^\s*(?:第?[一二三四1-4]季度|[上下]半年|\d{1,2}月(?:底|中旬|上旬|下旬)?(?:前)?|年底前?)\s*[:：]/;
/** What ends a run of records: a chapter or item heading of the text around it. */
const endsRun = (text: string) => {
  const marker = markerOf(text);
  return marker !== null && (marker.level === 'heading' || marker.level === 'section');
};

interface Run {
  labels: string[];
  /** Each record's cells under the labels, and the line it starts on. */
  records: { no: number; cells: string[] }[];
  end: number;
}

function recordRun(lines: SourceLine[], start: number): Run | null {
  const first = labelOf(lines[start].text);
  if (!first) return null;
  // Fields of the numbered item above: not records of their own.
  const before = start > 0 ? markerOf(lines[start - 1].text) : null;
  if (before && before.level !== 'heading') return null;
  // A run begins at its first label.
  if (start > 0 && labelOf(lines[start - 1].text)) return null;
  const labels: string[] = [];
  const records: { no: number; fields: Map<string, string> }[] = [];
  let record = new Map<string, string>();
  let recordNo = lines[start].no;
  let field = '';
  let end = start;
  for (let j = start; j < lines.length; j++) {
    const text = lines[j].text.trim();
    const labelled = MILESTONE_LABEL.test(text) ? null : labelOf(text);
    if (labelled) {
      if (record.has(labelled.label)) {
        records.push({ no: recordNo, fields: record });
        record = new Map();
        recordNo = lines[j].no;
      }
      if (!labels.includes(labelled.label)) labels.push(labelled.label);
      record.set(labelled.label, labelled.value);
      field = labelled.label;
      end = j + 1;
      continue;
    }
    if (endsRun(text) || (/^[^:：]{1,14}[:：]/.test(text) && !MILESTONE_LABEL.test(text))) break;
    // A label broken over two lines ("进展情况、存在问题" / "及下一步工作建议:").
    if (j + 1 < lines.length && !/[。；;]/.test(text) && labelOf(`${text}${lines[j + 1].text.trim()}`)) {
      field = '';
      continue;
    }
    if (field) record.set(field, `${record.get(field)}\n${text}`);
    end = j + 1;
  }
  if (record.size) records.push({ no: recordNo, fields: record });
  const roles = new Set(labels.map(roleOfHeader));
  const hasTask = roles.has('task') || roles.has('detail');
  const hasUnits = roles.has('lead') || roles.has('units');
  if (!hasTask || !hasUnits || end - start < 3) return null;
  return {
    labels,
    records: records.map((r) => ({ no: r.no, cells: labels.map((l) => r.fields.get(l) ?? '') })),
    end,
  };
}
