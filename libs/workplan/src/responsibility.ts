import { Responsibility, UnitRef } from '../../domain/src/plan/plan-tree';

export interface ResponsibilityMatch {
  responsibility: Responsibility;
  /** Where the clause starts and ends in the (normalised) text, to cut it out of the body. */
  start: number;
  end: number;
  /** An opening bracket had no closing one: the rest of the text was taken. */
  unclosed: boolean;
}

/** Labels that open a responsibility clause. 配合单位 only ever follows one of these. */
const LABELS = [
  '责任单位',
  '责任股室',
  '责任科室',
  '责任部门',
  '责任处室',
  '牵头单位',
  '牵头股室',
  '牵头科室',
  '牵头部门',
  '承办单位',
  '主办单位',
];
const LABEL = new RegExp(`(?:${LABELS.join('|')})\\s*:?`, 'g');
const OPENERS = '([【〔';
const CLOSERS = ')]】〕';

/**
 * Finds the responsibility clause of an item: `(责任单位:A、B)`, `(牵头单位:A;配合单位:B、C)`,
 * 责任股室 / 责任科室, bracketed or written bare after the text. The last clause in the text wins:
 * it closes the item. Expects text normalised to half-width punctuation.
 */
export function findResponsibility(text: string): ResponsibilityMatch | null {
  let label: RegExpExecArray | null = null;
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(text); m; m = LABEL.exec(text)) label = m;
  if (!label) return null;

  let open = label.index - 1;
  while (open >= 0 && text[open] === ' ') open--;
  const bracketed = open >= 0 && OPENERS.includes(text[open]);
  let start: number;
  let end: number;
  let innerEnd: number;
  let unclosed = false;
  if (bracketed) {
    start = open;
    const close = matchingClose(text, open + 1);
    unclosed = close < 0;
    end = unclosed ? text.length : close + 1;
    innerEnd = unclosed ? text.length : close;
  } else {
    // Written bare ("…。责任单位:A、B"): the clause runs to the end of the sentence.
    start = label.index;
    const stop = text.indexOf('。', start);
    end = stop < 0 ? text.length : stop + 1;
    innerEnd = stop < 0 ? text.length : stop;
  }
  const inner = text
    .slice(bracketed ? open + 1 : start, innerEnd)
    .trim()
    .replace(/[。.;\s]+$/, '');
  const responsibility = parseResponsibility(inner);
  return responsibility ? { responsibility, start, end, unclosed } : null;
}

/** Index of the bracket closing the one just before `from`, counting nested pairs; -1 if none. */
function matchingClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (OPENERS.includes(text[i])) depth++;
    else if (CLOSERS.includes(text[i]) && --depth === 0) return i;
  }
  return -1;
}

/** A known key, even when its colon is missing ("责任单位水气股"). */
const KNOWN_KEY = /^\s*((?:责任|牵头|配合|协办|承办|主办)(?:单位|股室|科室|部门|处室))\s*[:：]?\s*(.*)$/;

type FieldRole = 'list' | 'lead' | 'cooperating' | 'other';

function roleOf(key: string): FieldRole {
  if (/^牵头/.test(key)) return 'lead';
  if (/^(?:配合|协办|参与|协助)/.test(key)) return 'cooperating';
  if (/^(?:责任|承办|主办)/.test(key)) return 'list';
  return 'other';
}

/**
 * "责任单位:A、B" or "牵头单位:A;配合单位:B、C" (with other fields such as 完成时限 allowed between)
 * → lead and cooperating units. The first unit of a plain list leads; the rest cooperate.
 */
export function parseResponsibility(inner: string): Responsibility | null {
  const raw = inner.trim();
  const leads: UnitRef[] = [];
  const cooperating: UnitRef[] = [];
  let role: FieldRole = 'list';
  for (const field of raw.split(/[;；]/)) {
    const keyed = KNOWN_KEY.exec(field) ?? /^\s*([^:：]{1,8}?)\s*[:：]\s*(.*)$/.exec(field);
    // A field without a key continues the list before it ("责任单位:A;B").
    if (keyed) role = roleOf(keyed[1].replace(/\s+/g, ''));
    const units = splitUnits(keyed ? keyed[2] : field);
    if (role === 'list') {
      if (leads.length === 0) leads.push(...units.slice(0, 1));
      cooperating.push(...(leads.length === 1 && units[0] === leads[0] ? units.slice(1) : units));
    } else if (role === 'lead') {
      leads.push(...units);
    } else if (role === 'cooperating') {
      cooperating.push(...units);
    }
  }
  if (leads.length === 0) return null;
  // Two leads (牵头单位:A、B): the first leads the workflow, the second cooperates ahead of the rest.
  return { lead: leads[0], cooperating: [...leads.slice(1), ...cooperating], raw };
}

const ALL_SECTIONS = /^(?:局机关|局属|全局|局)?各(?:股室|科室|处室|部门|单位|股|科|室)$/;
const RELATED_SECTIONS = /(?:相关|有关)(?:业务)?(?:股室|科室|处室|部门|单位|股|科)$/;

/**
 * Splits a unit list on 、，,/ and 及, and resolves group words instead of dropping them:
 * 各股室 → all sections; "执法分局及相关业务股室" → 执法分局 and a related-sections reference.
 */
export function splitUnits(list: string): UnitRef[] {
  const out: UnitRef[] = [];
  // Unit names hold no spaces; stray ones come from converters.
  const squeezed = list.replace(/\s+/g, '');
  for (const part of squeezed.split(/[、,，/]+/)) {
    const name = part.replace(/^(?:由|以及|及|与)/, '').replace(/等$/, '');
    if (!name) continue;
    const related = RELATED_SECTIONS.exec(name);
    if (related) {
      const before = name.slice(0, related.index).replace(/(?:以及|及|和|与)$/, '');
      if (before && before !== '各' && before !== '其他') out.push(...splitUnits(before));
      out.push({ name: name.slice(related.index), kind: 'related-sections' });
    } else if (ALL_SECTIONS.test(name)) {
      out.push({ name, kind: 'all-sections' });
    } else {
      for (const piece of name.split(/以及|及/)) if (piece) out.push({ name: piece, kind: 'unit' });
    }
  }
  return out;
}
