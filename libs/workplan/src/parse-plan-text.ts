import {
  ParseWarning,
  PlanMetadata,
  PlanSection,
  PlanTree,
  Target,
  TaskItem,
  WarningCode,
} from '../../domain/src/plan/plan-tree';
import { parseDeadline } from './deadline';
import { PlanParseError } from './errors';
import { normaliseForMatching } from './normalise';
import { markerOf } from './numbering';
import { findResponsibility } from './responsibility';
import { parseIndicators } from './targets';

type Phase = 'preamble' | 'targets' | 'tasks' | 'after';

interface Node {
  number: number;
  line: number;
  text: string;
  children: Node[];
}

interface SectionNode extends Node {
  numeral: string;
}

const TARGETS_HEADING = /主要目标|工作目标|目标任务|^目标/;
const TASKS_HEADING = /主要任务|重点任务|工作任务|任务清单/;
const NON_TASK_HEADING = /总体要求|指导思想|基本原则|主要目标|工作目标|保障措施|工作要求|组织保障|组织领导/;

/**
 * Parses a work plan (工作要点) written as text into a plan tree. Tolerant of messy documents:
 * what it cannot read cleanly becomes a warning with its line number, never a silent guess.
 */
export function parsePlanText(text: string): PlanTree {
  if (text.trim() === '') {
    throw new PlanParseError('EMPTY_DOCUMENT', '文件为空', 'The document is empty', '请上传含有工作要点正文的文件。');
  }
  const lines = text.split(/\r\n|\r|\n/).map((raw, i) => ({ no: i + 1, text: normaliseForMatching(raw) }));
  const warnings: ParseWarning[] = [];
  const warn = (code: WarningCode, line: number, message: string) => warnings.push({ code, line, message });
  const metadata = readMetadata(lines);
  const hasTasksHeading = lines.some((l) => {
    const m = markerOf(l.text);
    return m?.level === 'heading' && TASKS_HEADING.test(m.rest);
  });

  const targets: Node[] = [];
  const sections: SectionNode[] = [];
  let phase: Phase = 'preamble';
  let current: Node | null = null;

  for (const { no, text: line } of lines) {
    if (!line) continue;
    const marker = markerOf(line);
    if (marker?.level === 'heading') {
      current = null;
      if (TARGETS_HEADING.test(marker.rest)) phase = 'targets';
      else if (TASKS_HEADING.test(marker.rest)) phase = 'tasks';
      else if (!hasTasksHeading && !NON_TASK_HEADING.test(marker.rest)) {
        // Plans without a 主要任务 heading number their task sections 一、二、….
        phase = 'tasks';
        current = pushSection(sections, marker.number, marker.numeral, marker.rest, no);
        continue;
      } else phase = phase === 'preamble' ? 'preamble' : 'after';
      continue;
    }
    if (phase === 'targets') {
      if (marker?.level === 'item') {
        current = { number: marker.number, line: no, text: marker.rest, children: [] };
        targets.push(current);
      } else if (current) current.text += line;
      continue;
    }
    if (phase !== 'tasks') continue;
    if (marker?.level === 'section') {
      current = pushSection(sections, marker.number, marker.numeral, marker.rest, no);
      continue;
    }
    const section = sections[sections.length - 1];
    if (marker?.level === 'item') {
      if (!section) {
        warn('unknown-line', no, `第 ${no} 行的事项出现在任何任务板块（(一)…）之前，已归入第一板块`);
        current = pushSection(sections, 1, '一', '', no);
      }
      current = { number: marker.number, line: no, text: marker.rest, children: [] };
      sections[sections.length - 1].children.push(current);
      continue;
    }
    if (marker?.level === 'subitem') {
      const parent = section?.children[section.children.length - 1];
      if (!parent) {
        warn('unknown-line', no, `第 ${no} 行的子事项没有上级事项，已忽略`);
        continue;
      }
      current = { number: marker.number, line: no, text: marker.rest, children: [] };
      parent.children.push(current);
      continue;
    }
    if (current && current !== section) current.text += line;
    else warn('unknown-line', no, `第 ${no} 行不属于任何事项：${line.slice(0, 30)}`);
  }

  if (sections.length === 0 || sections.every((s) => s.children.length === 0)) {
    throw new PlanParseError(
      'NO_TASK_SECTION',
      '未找到任务部分：文件中没有“主要任务”及其下的编号事项',
      'No task section found: the document has no numbered items under a 主要任务 heading',
      '确认文件包含“三、主要任务”一类标题，其下按“(一)”“1.”“1)”编号列出任务事项。',
    );
  }

  const tree: PlanTree = {
    schemaVersion: 1,
    metadata,
    targets: targets.map((t) => buildTarget(t, warn)),
    sections: buildSections(sections, metadata.year, warn),
    warnings,
  };
  const defaulted = countDefaulted(tree);
  if (defaulted > 0) {
    warn('deadline-defaulted', 0, `${defaulted} 个任务未写完成时限，按计划默认期限（${metadata.year} 年底）执行`);
  }
  return tree;
}

function pushSection(sections: SectionNode[], number: number, numeral: string, title: string, line: number) {
  const section: SectionNode = { number, numeral, line, text: title, children: [] };
  sections.push(section);
  return section;
}

function readMetadata(lines: { no: number; text: string }[]): PlanMetadata {
  const head = lines.slice(0, 40).map((l) => l.text);
  const all = lines.map((l) => l.text).join('\n');
  const title =
    head.find((l) => /(工作要点|工作计划|任务清单|实施方案|工作安排|要点)$/.test(l)) ??
    head.find((l) => /工作要点|工作计划/.test(l)) ??
    head.find((l) => l.length > 0) ??
    '';
  const yearMatch = /((?:19|20)\d{2})\s*年/.exec(title) ?? /((?:19|20)\d{2})\s*年/.exec(all);
  if (!yearMatch) {
    throw new PlanParseError(
      'NO_TASK_SECTION',
      '无法确定计划年度：标题和正文中没有“20xx年”',
      'Cannot tell the plan year: no "20xx年" in the title or text',
      '在标题中写明年度，例如“2021年生态环境工作要点”。',
      { line: 1 },
    );
  }
  const issuer = /(?:发布机构|发文机关|印发单位)\s*[:]\s*(\S+)/.exec(all)?.[1];
  const date =
    /(?:生成日期|成文日期|发布日期|印发日期)\s*[:]\s*(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})/.exec(all);
  return {
    title: title.replace(/\s+/g, ''),
    issuer,
    issuedOn: date ? `${date[1]}-${date[2].padStart(2, '0')}-${date[3].padStart(2, '0')}` : undefined,
    year: Number(yearMatch[1]),
  };
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
): TaskItem {
  const code = unique(`${parentCode}.${node.number}`, node.line);
  const found = findResponsibility(node.text);
  if (found?.unclosed) warn('missing-closing-bracket', node.line, `事项 ${code} 的责任单位括号未闭合，已读到行尾`);
  const body = (found ? node.text.slice(0, found.start) + node.text.slice(found.end) : node.text).trim();
  checkSequence(node.children, warn, '子事项');
  const children = node.children.map((c) => buildItem(c, code, year, unique, warn));
  if (children.length === 0 && !found) {
    warn('no-responsible-unit', node.line, `事项 ${code} 没有写明责任单位`);
  }
  return {
    code,
    title: titleOf(body),
    body,
    responsibility: found?.responsibility,
    deadline: parseDeadline(node.text, year),
    children,
    source: { line: node.line },
  };
}

/** The lead phrase: up to the first full stop, or the first clause of a long run-on sentence. */
function titleOf(body: string): string {
  const stop = body.search(/[。;；]/);
  const head = stop > 0 ? body.slice(0, stop) : body;
  if (head.length <= 60) return head;
  const comma = head.search(/[,，]/);
  return comma > 0 && comma <= 60 ? head.slice(0, comma) : head.slice(0, 60);
}

function checkSequence(nodes: Node[], warn: (c: WarningCode, l: number, m: string) => void, what: string) {
  nodes.forEach((n, i) => {
    const expected = i === 0 ? 1 : nodes[i - 1].number + 1;
    if (n.number !== expected) warn('numbering-gap', n.line, `${what}编号 ${n.number} 处应为 ${expected}`);
  });
}

function countDefaulted(tree: PlanTree): number {
  let n = 0;
  const visit = (item: TaskItem) => {
    if (item.children.length === 0 && item.deadline.defaulted) n++;
    item.children.forEach(visit);
  };
  tree.sections.forEach((s) => s.items.forEach(visit));
  return n;
}
