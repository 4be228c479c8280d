import { Responsibility, UnitRef } from '../../domain/src/plan/plan-tree';

export interface ResponsibilityMatch {
  responsibility: Responsibility;
  /** Where the bracket starts and ends in the (normalised) text, to cut it out of the body. */
  start: number;
  end: number;
  /** The closing bracket was missing: the rest of the text was taken. */
  unclosed: boolean;
}

const LABEL = '(?:责任单位|责任股室|责任科室|责任部门|牵头单位|承办单位)';
const OPEN = new RegExp(`[(\\[【]\\s*${LABEL}\\s*[:：]?`, 'g');

/**
 * Finds the responsibility clause: `(责任单位:A、B)`, `(牵头单位:A;配合单位:B、C)`, 责任股室/科室,
 * in full- or half-width. The last such clause in the text wins (it closes the item).
 */
export function findResponsibility(text: string): ResponsibilityMatch | null {
  let match: RegExpExecArray | null = null;
  for (let m = OPEN.exec(text); m; m = OPEN.exec(text)) match = m;
  OPEN.lastIndex = 0;
  if (!match) return null;
  const start = match.index;
  const close = text.slice(start).search(/[)\]】]/);
  const unclosed = close < 0;
  const end = unclosed ? text.length : start + close + 1;
  const inner = text.slice(start + 1, unclosed ? text.length : end - 1).replace(/[。.;；\s]+$/, '');
  const responsibility = parseResponsibility(inner);
  return responsibility ? { responsibility, start, end, unclosed } : null;
}

/** "责任单位:A、B" or "牵头单位:A;配合单位:B、C" → lead and cooperating units. */
export function parseResponsibility(inner: string): Responsibility | null {
  const raw = inner.trim();
  const lead = /牵头单位\s*[:：]\s*([^;；]*)/.exec(raw);
  const coop = /配合单位\s*[:：]\s*([^;；]*)/.exec(raw);
  let refs: UnitRef[];
  let cooperating: UnitRef[];
  if (lead) {
    const leads = splitUnits(lead[1]);
    refs = leads.slice(0, 1);
    cooperating = [...leads.slice(1), ...(coop ? splitUnits(coop[1]) : [])];
  } else {
    const list = splitUnits(raw.replace(/^[^:：]*[:：]/, ''));
    refs = list.slice(0, 1);
    cooperating = list.slice(1);
  }
  if (refs.length === 0) return null;
  return { lead: refs[0], cooperating, raw };
}

/** Splits a unit list on 、，,/ and resolves group words instead of dropping them. */
export function splitUnits(list: string): UnitRef[] {
  const out: UnitRef[] = [];
  for (const part of list.split(/[、,，/\s和]+/)) {
    const name = part.trim().replace(/^[及与]/, '');
    if (!name) continue;
    const related = /^(.*?)(?:及|和|与)?相关(?:业务)?(?:股室|科室|单位|部门)$/.exec(name);
    if (related) {
      if (related[1]) out.push({ name: related[1], kind: 'unit' });
      out.push({ name: '相关业务股室', kind: 'related-sections' });
    } else if (/^(?:局)?各(?:股室|科室|股|科)$/.test(name)) {
      out.push({ name, kind: 'all-sections' });
    } else {
      out.push({ name, kind: 'unit' });
    }
  }
  return out;
}
