import {
  Deadline,
  ParseWarning,
  PlanSection,
  PlanTree,
  Target,
  TaskItem,
  WarningCode,
} from '@duban/domain/plan/plan-tree';
import { parseDeadlines } from './deadline';
import { PlanParseError, toPlanParseError } from './errors';
import { assertWithinLimit } from './limits';
import { readMetadata } from './metadata';
import { normaliseForMatching, splitRunOnItems } from './normalise';
import { Marker, markerOf } from './numbering';
import { splitRunTogetherLine } from './run-together-lines';
import { findResponsibility, headingLead, ResponsibilityMatch } from './responsibility';
import { textTablesToLines } from './tables/text-tables';
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

/**
 * Adds a wrapped line to a node's text, remembering where it came from. Lines stay apart ("\n"):
 * a clause written bare on its line ends there; the body is joined without them.
 */
function append(node: Node, text: string, line: number) {
  if (node.text && !text.startsWith('\n')) node.text += '\n';
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

const TARGETS_HEADING =
  /主要(?:预期)?目标|预期目标|工作目标|目标任务|总体目标|发展目标|发展指标|目标要求|^目标|目标$|指标(?:\(工作目标\))?$/;
const TASKS_HEADING =
  /主要任务|重点任务|工作任务|任务清单|重点工作|主要工作|具体任务|任务(?:及|和|与)措施|工作措施|主要措施/;
const NON_TASK_HEADING =
  /总体要求|指导思想|基本原则|主要(?:预期)?目标|预期目标|工作目标|目标要求|保障措施|工作要求|组织保障|组织领导|工作机制|有关要求|工作步骤|实施步骤|进度安排/;
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
 * Reads the document's structure: targets, task sections and their items. By headings first (主要目标,
 * 主要任务, 一、二、 chapters); when that finds no task items, structurally — every numbered item is a
 * task, whatever the headings say (a bare list, a problem list, a table's items).
 */
function collect(lines: { no: number; text: string }[], structural: boolean) {
  const warnings: ParseWarning[] = [];
  const warn = (code: WarningCode, line: number, message: string) => warnings.push({ code, line, message });
  const hasTasksHeading =
    !structural &&
    lines.some((l) => {
      const name = headingName(l.text, markerOf(l.text));
      return name !== null && TASKS_HEADING.test(name);
    });

  const targets: Node[] = [];
  let sections: SectionNode[] = [];
  // Structural reading (no usable headings): numbered items are tasks from the first line on.
  let phase: Phase = structural ? 'tasks' : 'preamble';
  let current: Node | null = null;
  // How the 主要任务 heading was numbered: a numbered chapter (三、) means the next 四、 ends the tasks;
  // an unnumbered one means the tasks' own sections may be numbered 一、二、.
  let tasksHeading: { name: string; numbered: boolean; line: number } | null = null;
  // Where the targets were read: if their items carry units, they are tasks after all.
  let targetsHeading: { name: string; line: number; number: number; numeral: string } | null = null;

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
      } else if (TARGETS_HEADING.test(heading)) {
        phase = 'targets';
        targetsHeading ??= {
          name: heading,
          line: no,
          number: marker?.level === 'heading' ? marker.number : 0,
          numeral: marker?.level === 'heading' ? marker.numeral : '',
        };
      } else phase = phase === 'preamble' ? 'preamble' : 'after';
      continue;
    }
    if (chapterIsSection && marker?.level === 'heading') {
      // Task sections numbered 一、二、: under an unnumbered 主要任务, or in a plan without one.
      phase = 'tasks';
      current = pushSection(sections, marker.number, marker.numeral, marker.rest, no, 'heading');
      continue;
    }
    if (phase === 'targets') {
      if (marker && marker.level !== 'heading') {
        current = newNode(marker.number, no, marker.rest);
        targets.push(current);
      } else if (current) append(current, line, no);
      // An unnumbered goal paragraph ("到2020年，全市空气质量优良天数比例达到94%…") is a target too.
      else if (parseIndicators(line).length > 0) targets.push((current = newNode(targets.length + 1, no, line)));
      continue;
    }
    // "主要预期目标是：…" in the running text, before any heading: the plan's goals.
    if (phase === 'preamble' && GOALS_PARAGRAPH.test(line) && parseIndicators(line).length > 0) {
      targets.push(newNode(targets.length + 1, no, line.replace(GOALS_PARAGRAPH, '')));
      continue;
    }
    if (phase !== 'tasks') continue;
    let section: SectionNode | undefined = sections[sections.length - 1];
    if (marker?.level === 'section' && (!section || section.style === 'section')) {
      current = pushSection(sections, marker.number, marker.numeral, marker.rest, no, 'section');
      continue;
    }
    const bare = !marker && BARE_NUMBER.test(line) ? { level: 'item' as const, number: Number(line), rest: '' } : null;
    const numbered = marker && marker.level !== 'heading' ? marker : bare;
    if (numbered) {
      // Items straight under 主要任务, with no (一) sections: the heading is their one section.
      section ??= pushSection(sections, 1, '一', tasksHeading?.name ?? '', no, 'heading');
      current = newNode(numbered.number, no, numbered.rest);
      const parent = section.children[section.children.length - 1];
      if (itemLevelIn(section, numbered.level) === 'item' || !parent) section.children.push(current);
      else parent.children.push(current);
      continue;
    }
    if (current && isClauseLine(line)) {
      // A clause on a line of its own after a run of sub-items is the parent's: all of them share it.
      const parent = section?.children.find((c) => c.children.includes(current!));
      const target = parent && parent.children.every((c) => !findResponsibility(c.text)) ? parent : current;
      append(target, line, no);
      continue;
    }
    // A section's own paragraph (a chapter that is itself one task: 一、…工程 then its description).
    if (current && current === section && section.children.length === 0) append(current, line, no);
    else if (current && current !== section && continues(current.text, line)) append(current, line, no);
    else if (current && current !== section)
      warn('unknown-line', no, `第 ${no} 行不属于任何事项，已忽略：${line.slice(0, 30)}`);
  }

  // Goals numbered under 主要目标 that carry their own units are tasks assigned to those units.
  if (targetsHeading && targets.some((t) => findResponsibility(t.text))) {
    const goals: SectionNode = {
      ...newNode(targetsHeading.number || 1, targetsHeading.line, targetsHeading.name),
      numeral: targetsHeading.numeral || '一',
      style: 'heading',
    };
    goals.children = targets.splice(0);
    sections.unshift(goals);
  }
  // An item that is a goal block inside the tasks ("1.主要目标指标。" then its figures): targets.
  for (const section of sections) {
    section.children = section.children.filter((item) => {
      const [head, ...rest] = item.text.split('\n');
      if (!GOALS_ITEM.test(head.trim()) || findResponsibility(item.text) || item.children.length > 0) return true;
      for (const text of rest.length ? rest : [head]) {
        if (text.trim()) targets.push(newNode(targets.length + 1, lineAt(item, item.text.indexOf(text)), text));
      }
      return false;
    });
  }
  // Chapters that are tasks themselves (no numbered items under any of them): one section of them.
  if (sections.length >= 2 && sections.every((s) => s.children.length === 0) && sections.some((s) => s.text)) {
    const whole: SectionNode = {
      ...newNode(1, sections[0].line, tasksHeading?.name ?? ''),
      numeral: '一',
      style: 'heading',
    };
    whole.children = sections.map((s) => ({ ...s, children: [] }));
    sections = [whole];
  }

  // A chapter taken for a section that holds no items (e.g. 一、工作回顾) is not part of the tasks.
  for (const empty of sections.filter((s) => s.children.length === 0)) {
    warn('unknown-line', empty.line, `第 ${empty.line} 行的板块下没有编号事项，已略去：${empty.text.slice(0, 30)}`);
  }
  sections = sections.filter((s) => s.children.length > 0);
  return { warnings, targets, sections, tasksHeading };
}

/**
 * The last reading, for a document with no numbering at all (a news page quoting a 分工方案): each
 * paragraph followed by its responsibility fields (部门分工:A牵头,B配合 / 牵头单位:…), or holding
 * a responsibility clause itself, is a task.
 */
function paragraphTasks(lines: { no: number; text: string }[]): SectionNode[] {
  const items: Node[] = [];
  let last: Node | null = null;
  let lastIsTask = false;
  for (const { no, text } of lines) {
    if (!text) continue;
    if (last && (isClauseLine(text) || /^分管领导\s*:/.test(text))) {
      append(last, text, no);
      if (!lastIsTask && findResponsibility(last.text)) {
        items.push(last);
        lastIsTask = true;
      }
      continue;
    }
    last = newNode(items.length + 1, no, text);
    lastIsTask = text.length >= 8 && findResponsibility(text) !== null;
    if (lastIsTask) items.push(last);
  }
  items.forEach((item, i) => (item.number = i + 1));
  if (items.length === 0) return [];
  const section: SectionNode = { ...newNode(1, items[0].line, ''), numeral: '一', style: 'heading' };
  section.children = items;
  return [section];
}

/**
 * Parses a work plan (工作要点) written as text into a plan tree. Tolerant of messy documents:
 * what it cannot read cleanly becomes a warning with its line number, never a silent guess.
 * Throws PlanParseError, and nothing else, for text that is not a plan.
 */
export interface TextParseOptions {
  /** The plan year when the document names none (the import page's choice); without it, such a document is refused. */
  fallbackYear?: number;
}

export function parsePlanText(text: string, options: TextParseOptions = {}): PlanTree {
  try {
    return parseOrRefuse(text, options);
  } catch (error) {
    throw toPlanParseError(error);
  }
}

function parseOrRefuse(text: string, options: TextParseOptions): PlanTree {
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
  const source = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ no: i + 1, text: raw }));
  // Task tables that arrived as text (cell | cell |, or a cell per line) become item lines first.
  // A whole plan run together on one line is cut where its headings and items begin.
  const unrun = source.flatMap((l) => splitRunTogetherLine(l.text).map((text) => ({ no: l.no, text })));
  const lines = textTablesToLines(unrun).flatMap((l) =>
    splitRunOnItems(normaliseForMatching(l.text)).map((part) => ({ no: l.no, text: part })),
  );
  const read = collect(lines, false);
  const structural = read.sections.length > 0 ? read : collect(lines, true);
  const { warnings, targets, sections, tasksHeading } =
    structural.sections.length > 0 ? structural : { ...structural, sections: paragraphTasks(lines) };
  const warn = (code: WarningCode, line: number, message: string) => warnings.push({ code, line, message });
  if (sections.length === 0) {
    throw new PlanParseError({
      code: 'NO_TASK_SECTION',
      zh: '未找到任务事项：文件中没有编号的任务（如“1.”“（一）”）或任务表格（序号、工作任务、责任单位等列）',
      en: 'No task items found: the document has no numbered tasks and no task table',
      hint: '确认文件正文按“（一）”“1.”“（1）”编号列出任务事项，或以表格列出（序号、工作任务、牵头单位、完成时限）；也可在导入页面逐条录入。',
      line: tasksHeading?.line,
    });
  }

  // Read after the structure check, so that a document that is no plan at all says so first.
  const metadata = readMetadata(lines, options.fallbackYear);
  if (metadata.yearAssumed) {
    warn(
      'year-assumed',
      1,
      `文件中没有写明年度，按 ${metadata.year} 年处理（期限按该年计算），请核对 / No plan year in the document; ${metadata.year} assumed`,
    );
    delete metadata.yearAssumed;
  }
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

/** "今年经济社会发展的主要预期目标是：…" — the goals as a paragraph of the running text. */
const GOALS_PARAGRAPH = /^(?:今年|全年|\d{4}年)?(?:全[区市县])?(?:经济社会发展的?)?主要(?:预期)?目标(?:是|为)?[:：]/;
/** The title of an item that holds the goals, not a task. */
const GOALS_ITEM = /^(?:主要|预期|年度)?(?:目标指标|主要目标|预期目标|工作目标|发展目标|目标任务|指标)[。.:：]?$/;
/** A number on a line of its own, the text on the next lines (tables flattened by a converter). */
const BARE_NUMBER = /^\d{1,3}$/;
/** A line that holds only a responsibility clause (or its deadline): it belongs to the item above. */
const CLAUSE_LINE =
  /^(?:[([【〔]\s*)?(?:问题整改|整改|具体)?(?:责任|牵头|配合|协办|承办|主办|参与|协作)(?:责任)?(?:单位|股室|科室|部门|处室|主体)|^(?:部门分工|主要协作单位|责任领导|牵头领导|完成时限|整改时限|时间节点|完成时间)\s*:/;
const isClauseLine = (line: string) => CLAUSE_LINE.test(line);

/** A responsibility clause that has been closed ends the item: later text belongs to no item. */
const CLOSED_RESPONSIBILITY = /(?:责任单位|责任股室|责任科室|责任部门|牵头单位|承办单位)[^)\]】]*[)\]】]/;
/** Lines that still belong to a closed item: its deadline or units written on a line of their own. */
const TRAILING_FIELD =
  /^(?:完成时限|整改时限|时间节点|完成时间|牵头单位|配合单位|责任单位|责任股室|责任科室|牵头责任单位|主要协作单位|部门分工)/;

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
  const joined = node.text.replace(/\n+/g, '');
  const indicators = parseIndicators(joined);
  const text = joined.replace(/[;；。]+$/, '');
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
  // Items may be numbered on through the sections (1–11 over four sections): that is no gap.
  let lastItem = 0;
  return sections.map((s) => {
    const code = unique(String(s.number), s.line);
    const first = s.children[0]?.number;
    checkSequence(s.children, warn, '事项', first === lastItem + 1 ? lastItem + 1 : 1);
    lastItem = s.children[s.children.length - 1]?.number ?? lastItem;
    // A section heading may name the units of all its items ("一、某社区（责任单位：某社区）",
    // "一、县示范区管委会牵头工作（8项）").
    const lead = headingLead(s.text);
    const found = findResponsibility(s.text) ?? (lead ? findResponsibility(`(牵头单位:${lead})`) : null);
    const title = (found && !lead ? cutClauses(s.text, found) : s.text).replace(/[。.]+$/, '').trim();
    return {
      code,
      numeral: s.numeral,
      title,
      source: { line: s.line },
      items: s.children.map((item) => buildItem(item, code, year, unique, warn, undefined, found ?? undefined)),
    };
  });
}

/** The text without its responsibility clauses. */
function cutClauses(text: string, found: ResponsibilityMatch): string {
  let out = '';
  let at = 0;
  for (const span of found.spans) {
    out += text.slice(at, span.start);
    at = span.end;
  }
  return (out + text.slice(at)).replace(/\n+/g, '').trim();
}

function buildItem(
  node: Node,
  parentCode: string,
  year: number,
  unique: (code: string, line: number) => string,
  warn: (c: WarningCode, l: number, m: string) => void,
  inherited?: Deadline,
  inheritedUnits?: ResponsibilityMatch,
): TaskItem {
  const code = unique(`${parentCode}.${node.number}`, node.line);
  const own = findResponsibility(node.text);
  if (own?.unclosed) {
    warn('missing-closing-bracket', lineAt(node, own.start), `事项 ${code} 的责任单位括号未闭合，已读到行尾`);
  }
  // Without units of its own, an item takes its parent's (a clause shared by a run of sub-items).
  const found = own ?? inheritedUnits;
  const body = own ? cutClauses(node.text, own) : node.text.replace(/\n+/g, '').trim();
  checkSequence(node.children, warn, '子事项');
  const deadlines = parseDeadlines(node.text, year);
  const deadline = deadlines[deadlines.length - 1];
  const children = node.children.map((c) => buildItem(c, code, year, unique, warn, deadline, found ?? undefined));
  if (children.length === 0 && !found) {
    warn('no-responsible-unit', node.line, `事项 ${code} 没有写明责任单位`);
  }
  // A sub-item without its own deadline keeps the one its parent item wrote.
  const useInherited = deadline.defaulted && inherited && !inherited.defaulted;
  return {
    code,
    title: titleOf(body) || untitled(code, node.line, warn),
    body,
    responsibility: found?.responsibility,
    deadline: useInherited ? inherited! : deadline,
    ...(!useInherited && deadlines.length > 1 ? { deadlines } : {}),
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

function checkSequence(nodes: Node[], warn: (c: WarningCode, l: number, m: string) => void, what: string, start = 1) {
  nodes.forEach((n, i) => {
    const expected = i === 0 ? start : nodes[i - 1].number + 1;
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
