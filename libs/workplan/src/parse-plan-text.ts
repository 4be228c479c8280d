import {
  Deadline,
  ParseWarning,
  PlanSection,
  PlanTree,
  Target,
  TaskItem,
  WarningCode,
} from '../../domain/src/plan/plan-tree';
import { parseDeadline } from './deadline';
import { PlanParseError, toPlanParseError } from './errors';
import { assertWithinLimit } from './limits';
import { readMetadata } from './metadata';
import { normaliseForMatching, splitRunOnItems } from './normalise';
import { Marker, markerOf } from './numbering';
import { findResponsibility } from './responsibility';
import { parseIndicators } from './targets';

type Phase = 'preamble' | 'targets' | 'tasks' | 'after';

interface Node {
  number: number;
  line: number;
  text: string;
  /** Where each source line starts in `text`, for items wrapped over several lines. */
  lineStarts: { offset: number; line: number }[];
  children: Node[];
}

const newNode = (number: number, line: number, text: string): Node => ({
  number,
  line,
  text,
  lineStarts: [{ offset: 0, line }],
  children: [],
});

/** Adds a wrapped line to a node's text, remembering where it came from. */
function append(node: Node, text: string, line: number) {
  node.lineStarts.push({ offset: node.text.length, line });
  node.text += text;
}

/** The source line of a position in a node's text. */
function lineAt(node: Node, offset: number): number {
  let line = node.line;
  for (const start of node.lineStarts) if (start.offset <= offset) line = start.line;
  return line;
}

/** How a line is numbered: 一、 (heading), (一) (section), 1. (item), 1) (1) (subitem). */
type Style = Marker['level'];
const STYLE_RANK: Record<Style, number> = { heading: 0, section: 1, item: 2, subitem: 3 };

interface SectionNode extends Node {
  numeral: string;
  /** How the section itself is numbered: 一、 sections take (一) lines as their items. */
  style: Style;
  /** The numbering its items use: the first style met below the section's own. */
  itemStyle?: Style;
}

/**
 * Whether a numbered line is an item or a sub-item of its section. Plans number levels 一、 → (一) →
 * 1. → (1), but skip levels freely: the first style under a section is its item level, anything
 * ranked above that is an item too, anything below is a sub-item.
 */
function itemLevelIn(section: SectionNode, style: Style): 'item' | 'subitem' {
  section.itemStyle ??= style;
  return STYLE_RANK[style] <= STYLE_RANK[section.itemStyle] ? 'item' : 'subitem';
}

const TARGETS_HEADING = /主要目标|工作目标|目标任务|总体目标|^目标/;
const TASKS_HEADING = /主要任务|重点任务|工作任务|任务清单|重点工作|主要工作|具体任务/;
const NON_TASK_HEADING = /总体要求|指导思想|基本原则|主要目标|工作目标|保障措施|工作要求|组织保障|组织领导/;
/** "第三部分" / "第二章" before a heading name. */
const PART_PREFIX = /^第[零〇一二三四五六七八九十]+(?:部分|章|篇)\s*/;

/**
 * The name of a chapter heading ("三、主要任务", or an unnumbered "主要任务" line), or null when
 * the line is not one.
 */
function headingName(line: string, marker: Marker | null): string | null {
  if (marker?.level === 'heading') return marker.rest;
  if (marker) return null;
  const name = line.replace(PART_PREFIX, '').replace(/[:：]$/, '');
  // An unnumbered heading is a short line with no sentence punctuation.
  if (name.length > 16 || /[。，,；;]/.test(name)) return null;
  return TARGETS_HEADING.test(name) || TASKS_HEADING.test(name) ? name : null;
}

/**
 * Parses a work plan (工作要点) written as text into a plan tree. Tolerant of messy documents:
 * what it cannot read cleanly becomes a warning with its line number, never a silent guess.
 * Throws PlanParseError, and nothing else, for text that is not a plan.
 */
export function parsePlanText(text: string): PlanTree {
  try {
    return parseOrRefuse(text);
  } catch (error) {
    throw toPlanParseError(error);
  }
}

function parseOrRefuse(text: string): PlanTree {
  assertWithinLimit(Buffer.byteLength(text, 'utf8'));
  if (text.trim() === '') {
    throw new PlanParseError({
      code: 'EMPTY_DOCUMENT',
      zh: '文件为空',
      en: 'The document is empty',
      hint: '请上传含有工作要点正文的文件。',
      line: 1,
    });
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .flatMap((raw, i) => splitRunOnItems(normaliseForMatching(raw)).map((part) => ({ no: i + 1, text: part })));
  const warnings: ParseWarning[] = [];
  const warn = (code: WarningCode, line: number, message: string) => warnings.push({ code, line, message });
  const hasTasksHeading = lines.some((l) => {
    const name = headingName(l.text, markerOf(l.text));
    return name !== null && TASKS_HEADING.test(name);
  });

  const targets: Node[] = [];
  let sections: SectionNode[] = [];
  let phase: Phase = 'preamble';
  let current: Node | null = null;
  // How the 主要任务 heading was numbered: a numbered chapter (三、) means the next 四、 ends the tasks;
  // an unnumbered one means the tasks' own sections may be numbered 一、二、.
  let tasksHeading: { name: string; numbered: boolean; line: number } | null = null;

  for (const { no, text: line } of lines) {
    if (!line) continue;
    const marker = markerOf(line);
    const heading = headingName(line, marker);
    const chapterIsSection =
      marker?.level === 'heading' &&
      !NON_TASK_HEADING.test(marker.rest) &&
      (hasTasksHeading ? phase === 'tasks' && tasksHeading?.numbered === false : true);
    if (heading !== null && !(chapterIsSection && !TASKS_HEADING.test(heading) && !TARGETS_HEADING.test(heading))) {
      current = null;
      if (TASKS_HEADING.test(heading)) {
        phase = 'tasks';
        tasksHeading = { name: heading, numbered: marker?.level === 'heading', line: no };
      } else if (TARGETS_HEADING.test(heading)) phase = 'targets';
      else phase = phase === 'preamble' ? 'preamble' : 'after';
      continue;
    }
    if (chapterIsSection && marker?.level === 'heading') {
      // Task sections numbered 一、二、: under an unnumbered 主要任务, or in a plan without one.
      phase = 'tasks';
      current = pushSection(sections, marker.number, marker.numeral, marker.rest, no, 'heading');
      continue;
    }
    if (phase === 'targets') {
      if (marker?.level === 'item' || marker?.level === 'subitem') {
        current = newNode(marker.number, no, marker.rest);
        targets.push(current);
      } else if (current) append(current, line, no);
      continue;
    }
    if (phase !== 'tasks') continue;
    let section: SectionNode | undefined = sections[sections.length - 1];
    if (marker?.level === 'section' && (!section || section.style === 'section')) {
      current = pushSection(sections, marker.number, marker.numeral, marker.rest, no, 'section');
      continue;
    }
    if (marker && marker.level !== 'heading') {
      // Items straight under 主要任务, with no (一) sections: the heading is their one section.
      section ??= pushSection(sections, 1, '一', tasksHeading?.name ?? '', no, 'heading');
      current = newNode(marker.number, no, marker.rest);
      const parent = section.children[section.children.length - 1];
      if (itemLevelIn(section, marker.level) === 'item' || !parent) section.children.push(current);
      else parent.children.push(current);
      continue;
    }
    if (current && current !== section && continues(current.text, line)) append(current, line, no);
    else if (current && current !== section)
      warn('unknown-line', no, `第 ${no} 行不属于任何事项，已忽略：${line.slice(0, 30)}`);
  }

  // A chapter taken for a section that holds no items (e.g. 一、工作回顾) is not part of the tasks.
  for (const empty of sections.filter((s) => s.children.length === 0)) {
    warn('unknown-line', empty.line, `第 ${empty.line} 行的板块下没有编号事项，已略去：${empty.text.slice(0, 30)}`);
  }
  sections = sections.filter((s) => s.children.length > 0);
  if (sections.length === 0) {
    throw new PlanParseError({
      code: 'NO_TASK_SECTION',
      zh: '未找到任务部分：文件中没有“主要任务”及其下的编号事项',
      en: 'No task section found: the document has no numbered items under a 主要任务 heading',
      hint: '确认文件包含“三、主要任务”一类标题，其下按“(一)”“1.”“1)”编号列出任务事项。',
      line: tasksHeading?.line,
    });
  }

  // Read after the structure check, so that a document that is no plan at all says so first.
  const metadata = readMetadata(lines);
  const tree: PlanTree = {
    schemaVersion: 1,
    metadata,
    targets: targets.map((t) => buildTarget(t, warn)),
    sections: buildSections(sections, metadata.year, warn),
    warnings,
  };
  const defaulted = defaultedLeaves(tree);
  if (defaulted.length > 0) {
    // One summary, not one warning per task: most plans leave every deadline to the year end.
    warn(
      'deadline-defaulted',
      defaulted[0].source.line,
      `${defaulted.length} 个任务未写完成时限，按计划默认期限（${metadata.year}-12-31）执行 / ` +
        `${defaulted.length} tasks have no deadline; the plan default (${metadata.year}-12-31) applies`,
    );
  }
  tree.warnings.sort((a, b) => a.line - b.line);
  return tree;
}

/** A responsibility clause that has been closed ends the item: later text belongs to no item. */
const CLOSED_RESPONSIBILITY = /(?:责任单位|责任股室|责任科室|责任部门|牵头单位|承办单位)[^)\]】]*[)\]】]/;
/** Lines that still belong to a closed item: its deadline or units written on a line of their own. */
const TRAILING_FIELD = /^(?:完成时限|时间节点|完成时间|牵头单位|配合单位|责任单位|责任股室|责任科室)/;

/** Whether an unnumbered line continues the current item (a paragraph wrapped by a converter). */
function continues(itemText: string, line: string): boolean {
  return !CLOSED_RESPONSIBILITY.test(itemText) || TRAILING_FIELD.test(line);
}

function pushSection(
  sections: SectionNode[],
  number: number,
  numeral: string,
  title: string,
  line: number,
  style: Style,
) {
  const section: SectionNode = { ...newNode(number, line, title), numeral, style };
  sections.push(section);
  return section;
}

function buildTarget(node: Node, warn: (c: WarningCode, l: number, m: string) => void): Target {
  const indicators = parseIndicators(node.text);
  const text = node.text.replace(/[;；。]+$/, '');
  if (indicators.length === 0 && /\d/.test(text.replace(/[A-Za-z]+\d+(\.\d+)?/g, ''))) {
    warn('unparsed-target', node.line, `目标 ${node.number} 含有数字但未识别出指标，按定性目标处理`);
  }
  return {
    code: String(node.number),
    text,
    indicators,
    qualitative: indicators.length === 0,
    source: { line: node.line },
  };
}

function buildSections(
  sections: SectionNode[],
  year: number,
  warn: (c: WarningCode, l: number, m: string) => void,
): PlanSection[] {
  const seen = new Set<string>();
  const unique = (code: string, line: number) => {
    if (!seen.has(code)) {
      seen.add(code);
      return code;
    }
    let n = 2;
    while (seen.has(`${code}-${n}`)) n++;
    warn('duplicate-code', line, `编号 ${code} 重复，已改为 ${code}-${n}`);
    seen.add(`${code}-${n}`);
    return `${code}-${n}`;
  };
  checkSequence(sections, warn, '板块');
  return sections.map((s) => {
    const code = unique(String(s.number), s.line);
    checkSequence(s.children, warn, '事项');
    return {
      code,
      numeral: s.numeral,
      title: s.text.replace(/[。.]+$/, ''),
      source: { line: s.line },
      items: s.children.map((item) => buildItem(item, code, year, unique, warn)),
    };
  });
}

function buildItem(
  node: Node,
  parentCode: string,
  year: number,
  unique: (code: string, line: number) => string,
  warn: (c: WarningCode, l: number, m: string) => void,
  inherited?: Deadline,
): TaskItem {
  const code = unique(`${parentCode}.${node.number}`, node.line);
  const found = findResponsibility(node.text);
  if (found?.unclosed) {
    warn('missing-closing-bracket', lineAt(node, found.start), `事项 ${code} 的责任单位括号未闭合，已读到行尾`);
  }
  const body = (found ? node.text.slice(0, found.start) + node.text.slice(found.end) : node.text).trim();
  checkSequence(node.children, warn, '子事项');
  const deadline = parseDeadline(node.text, year);
  const children = node.children.map((c) => buildItem(c, code, year, unique, warn, deadline));
  if (children.length === 0 && !found) {
    warn('no-responsible-unit', node.line, `事项 ${code} 没有写明责任单位`);
  }
  return {
    code,
    title: titleOf(body) || untitled(code, node.line, warn),
    body,
    responsibility: found?.responsibility,
    // A sub-item without its own deadline keeps the one its parent item wrote.
    deadline: deadline.defaulted && inherited && !inherited.defaulted ? inherited : deadline,
    children,
    source: { line: node.line },
  };
}

/**
 * The lead phrase: up to the first full stop (or, lacking one, the first semicolon); a run-on
 * sentence is cut at its first comma within 60 characters.
 */
function titleOf(body: string): string {
  const fullStop = body.indexOf('。');
  const stop = fullStop >= 0 ? fullStop : body.search(/[;；]/);
  const head = (stop >= 0 ? body.slice(0, stop) : body).trim();
  if (head.length <= 60) return head;
  const comma = head.search(/[,，]/);
  return comma > 0 && comma <= 60 ? head.slice(0, comma) : head.slice(0, 60);
}

/** An item with no words (a stray "1." line): kept, so numbering holds, but named and reported. */
function untitled(code: string, line: number, warn: (c: WarningCode, l: number, m: string) => void): string {
  warn('unknown-line', line, `事项 ${code} 没有内容`);
  return `（事项 ${code} 无标题）`;
}

function checkSequence(nodes: Node[], warn: (c: WarningCode, l: number, m: string) => void, what: string) {
  nodes.forEach((n, i) => {
    const expected = i === 0 ? 1 : nodes[i - 1].number + 1;
    if (n.number !== expected) warn('numbering-gap', n.line, `${what}编号 ${n.number} 处应为 ${expected}`);
  });
}

function defaultedLeaves(tree: PlanTree): TaskItem[] {
  const out: TaskItem[] = [];
  const visit = (item: TaskItem) => {
    if (item.children.length === 0 && item.deadline.defaulted) out.push(item);
    item.children.forEach(visit);
  };
  tree.sections.forEach((s) => s.items.forEach(visit));
  return out;
}
