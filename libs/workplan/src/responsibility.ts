import { Responsibility, UnitRef } from '@duban/domain/plan/plan-tree';

/** Where one responsibility clause lies in an item's (normalised) text. */
export interface ClauseSpan {
  start: number;
  end: number;
}

export interface ResponsibilityMatch {
  responsibility: Responsibility;
  /** Where the first clause starts and the last ends, to cut them out of the body. */
  start: number;
  end: number;
  /** Every clause found (an item may carry several: a bracket and trailing 牵头单位 / 责任单位 lines). */
  spans: ClauseSpan[];
  /** An opening bracket had no closing one: the rest of the text was taken. */
  unclosed: boolean;
}

/**
 * Field labels of responsibility clauses, by what they say about the units after them. 配合 and
 * the like name cooperating units; 牵头 names leads; 责任 / 承办 name a list whose first unit leads
 * (unless a 牵头 field names the leads, when the list cooperates).
 */
const UNIT_WORD = '(?:单位|股室|科室|部门|处室|主体|机构)';
const LABELS: { re: string; role: FieldRole }[] = [
  { re: `牵头(?:责任)?${UNIT_WORD}`, role: 'lead' },
  { re: `(?:主要)?(?:配合|协办|协同|参与|协助|协作)${UNIT_WORD}`, role: 'cooperating' },
  { re: `(?:问题整改|整改|具体)?(?:责任|承办|主办|实施)${UNIT_WORD}`, role: 'list' },
  { re: '部门分工', role: 'list' },
];
/** People, not units: their fields are skipped whole. */
const PERSON_LABEL =
  /^(?:(?:区|市|县)?(?:政府)?(?:责任|分管|牵头|包保|联系)(?:区|市|县)?(?:领导|人)|责任人|联系人|联系电话|分管领导)$/;
/** Other fields a clause may carry between its unit fields (read elsewhere: deadlines). */
const OTHER_FIELD = /^(?:完成时限|整改时限|时间节点|完成时间|时限|办结时限|备注|整改目标|整改措施|完成标准)$/;

/** Labels of other fields, where a bare unit field ends ("市科技馆整改时限:3天"). */
const FIELD_BOUNDARY =
  /(?:完成时限|整改时限|时间节点|完成时间|办结时限|责任领导|牵头领导|分管领导|联系人|责任人|联系电话|整改情况|整改目标|整改措施|整改结论|整改类型|完成标准|备注)\s*:/;
const LABEL_ANY = new RegExp(`(${LABELS.map((l) => l.re).join('|')})\\s*:?`, 'g');
const OPENERS = '([【〔［';
const CLOSERS = ')]】〕］';

type FieldRole = 'list' | 'lead' | 'cooperating' | 'other' | 'person';

function roleOfLabel(label: string): FieldRole {
  const key = label.replace(/\s+/g, '');
  if (PERSON_LABEL.test(key)) return 'person';
  for (const l of LABELS) if (new RegExp(`^${l.re}$`).test(key)) return l.role;
  return OTHER_FIELD.test(key) ? 'other' : 'other';
}

/** Role verbs written after units: "市生态环境局牵头，市发展改革委参与，各县区政府负责落实". */
const ROLE_VERBS: { re: RegExp; role: 'lead' | 'cooperating' | 'list' }[] = [
  { re: /(?:牵头负责|牵头抓总|牵头)$/, role: 'lead' },
  { re: /(?:配合|参与|协助|协同|协办|参加)$/, role: 'cooperating' },
  { re: /(?:负责落实|具体落实|抓好落实|组织实施|落实)$/, role: 'cooperating' },
  { re: /(?:按职责分工负责|按职责负责|按照职责分工负责|分工负责|按职能分工负责|负责)$/, role: 'list' },
];

/** Index of the bracket closing the one just before `from`, counting nested pairs; -1 if none. */
function matchingClose(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (OPENERS.includes(text[i])) depth++;
    else if (CLOSERS.includes(text[i]) && --depth === 0) return i;
  }
  return -1;
}

/** The innermost bracket that opens before `at` and is still open there; -1 if none. */
function enclosingOpen(text: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0; i--) {
    if (CLOSERS.includes(text[i])) depth++;
    else if (OPENERS.includes(text[i])) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

interface Clause {
  start: number;
  end: number;
  inner: string;
  unclosed: boolean;
}

/**
 * Every responsibility clause of an item's text, in order: labelled ones (`(责任单位:A、B)`,
 * `牵头单位:A` on a line of its own, `【责任科室:…】`, `问题整改责任单位:A 整改时限:3天`) and
 * role-verb brackets (`〔A牵头，B参与，C负责落实〕`, `(A、B按职责分工负责)`). Expects text
 * normalised to half-width punctuation.
 */
function clausesOf(text: string): Clause[] {
  const clauses: Clause[] = [];
  const taken = (i: number) => clauses.some((c) => i >= c.start && i < c.end);
  LABEL_ANY.lastIndex = 0;
  for (let m = LABEL_ANY.exec(text); m; m = LABEL_ANY.exec(text)) {
    if (taken(m.index)) continue;
    const open = enclosingOpen(text, m.index);
    const bracketed =
      open >= 0 && /^[\s]*$/.test(text.slice(open + 1, m.index).replace(/[^:;；]*[:：][^;；]*[;；]/g, ''));
    // A label is a field only with its colon; inside a bracket it may lack one ("(责任单位水气股)"),
    // but not where it is a word of a sentence ("对口协助单位每季度…", "(列第一位者为牵头单位或…)").
    const colon = /:\s*$/.test(m[0]);
    if (!colon && (!bracketed || /^[或和与及是为的等负列中应由须]/.test(text.slice(m.index + m[0].length)))) continue;
    if (bracketed) {
      const close = matchingClose(text, open + 1);
      const end = close < 0 ? text.length : close + 1;
      clauses.push({
        start: open,
        end,
        inner: text.slice(open + 1, close < 0 ? text.length : close),
        unclosed: close < 0,
      });
    } else {
      // Written bare ("…。责任单位:A、B", a trailing line): to the end of the sentence or the line,
      // or to the next label ("牵头单位:A责任单位:B" run together).
      const rest = text.slice(m.index + m[0].length);
      const next = new RegExp(`${LABEL_ANY.source}|${FIELD_BOUNDARY.source}`).exec(rest);
      const sentence = rest.search(/[。\n]/);
      const stops = [next ? next.index : -1, sentence].filter((i) => i >= 0);
      const stop = stops.length ? Math.min(...stops) : rest.length;
      const innerEnd = m.index + m[0].length + stop;
      const end = innerEnd + (rest[stop] === '。' || rest[stop] === '\n' ? 1 : 0);
      clauses.push({ start: m.index, end, inner: text.slice(m.index, innerEnd), unclosed: false });
    }
    LABEL_ANY.lastIndex = clauses[clauses.length - 1].end;
  }
  // Role-verb brackets: units, each run closed by 牵头 / 参与 / 负责落实 … and nothing else.
  for (let i = 0; i < text.length; i++) {
    if (!OPENERS.includes(text[i]) || taken(i)) continue;
    const close = matchingClose(text, i + 1);
    if (close < 0) continue;
    const inner = text.slice(i + 1, close);
    if (roleVerbFields(inner)) clauses.push({ start: i, end: close + 1, inner, unclosed: false });
    i = close;
  }
  // A closing bracket that holds unit names only ("(市经信局、市财政局)") is the item's list of units.
  if (clauses.length === 0) {
    const tail = /[(（［【〔]([^()（）]{2,200})[)）］】〕][。.;；\s]*$/.exec(text);
    if (tail && isUnitList(tail[1])) {
      clauses.push({ start: tail.index, end: text.length, inner: tail[1], unclosed: false });
    }
  }
  // Role verbs in the running text ("由A牵头，B、C配合，…", "请A会同B开展调查").
  if (clauses.length === 0) clauses.push(...inlineRoleClauses(text));
  return clauses.sort((a, b) => a.start - b.start);
}

/** "A会同B开展…": A leads, B cooperates. */
const TOGETHER_WITH =
  /^(?:由|请|要求)?(.{2,60}?)会同(.{2,60}?)(?:共同)?(?:开展|负责|做好|推进|研究|落实|办理|核查|调查|组织|实施|制定|完成)/;
const INLINE_LEAD = /^(?:由|请|要求)?(.{2,80}?)(?:牵头负责|牵头抓总|牵头)/;
const INLINE_OTHER = /^(.{2,80}?)(配合|参与|协助|协同|协办|参加|负责落实|具体落实|抓好落实|落实)$/;

/**
 * Responsibility written as the sentence itself, in no bracket: a run of comma-separated parts,
 * each units and a role verb, one of them leading. Units must look like names (局, 委, 政府 …), so
 * that "各地牵头…" or "持续推进落实" are not taken. A part that is only units and verb is cut from
 * the body; one that goes on ("请区城管局牵头核查处理") stays in it.
 */
function inlineRoleClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let offset = 0;
  for (const sentence of splitTopLevel(text, /[。;；\n]/)) {
    const fields: Clause[] = [];
    let hasLead = false;
    let at = offset;
    for (const part of splitTopLevel(sentence, /[,，]/)) {
      const trimmed = part.trim();
      const start = at + part.indexOf(trimmed);
      at += part.length + 1;
      const together = TOGETHER_WITH.exec(trimmed);
      if (together && isUnitList(together[1]) && isUnitList(together[2])) {
        fields.push({ start, end: start, inner: `牵头单位:${together[1]};配合单位:${together[2]}`, unclosed: false });
        hasLead = true;
        continue;
      }
      const lead = INLINE_LEAD.exec(trimmed);
      if (lead && isUnitList(lead[1])) {
        const pure = lead[0].length === trimmed.length;
        fields.push({
          start,
          end: pure ? start + trimmed.length : start,
          inner: `牵头单位:${lead[1]}`,
          unclosed: false,
        });
        hasLead = true;
        continue;
      }
      const other = INLINE_OTHER.exec(trimmed);
      if (other && isUnitList(other[1])) {
        fields.push({ start, end: start + trimmed.length, inner: `配合单位:${other[1]}`, unclosed: false });
      }
    }
    if (hasLead) out.push(...fields);
    offset += sentence.length + 1;
  }
  return out;
}

/**
 * Unit names, and nothing else, separated by 、，, ("市经信局、市财政局、各县区政府"). Words no name
 * holds (为, 者, 或, 应 …) make a phrase no name: "列第一位者为牵头部门".
 */
const UNIT_NAME =
  /^(?![^(（]*[为者或应须将把被])(?:各|相关|有关)?[\u4e00-\u9fa5·]{1,20}?(?:局|委|办|厅|院|所|站|队|处|中心|部|司|集团|公司|政府|街道|镇|乡|社区|管委会|委员会|办事处|单位|部门|股|科|室)(?:[(（][^()（）]{1,12}[)）])?$/;
export function isUnitList(text: string): boolean {
  const parts = splitTopLevel(text.replace(/\s+/g, ''), /[、,，]/).filter(Boolean);
  return parts.length > 0 && parts.every((p) => UNIT_NAME.test(p));
}

/** "县示范区管委会牵头工作(8项)" — a heading that names the lead unit of the items under it. */
export function headingLead(title: string): string | null {
  const m = /^(.{2,30}?)牵头(?:的)?(?:工作|事项|任务|项目)/.exec(title.replace(/\s+/g, ''));
  return m && isUnitList(m[1]) ? m[1] : null;
}

/** The fields of a role-verb clause, or null when the text is not one (most brackets are not). */
function roleVerbFields(inner: string): { role: 'lead' | 'cooperating' | 'list'; units: string }[] | null {
  // The clause may end with a note after a full stop ("…负责落实。以下各项…不再列出。").
  const main = inner.split('。')[0];
  const parts = splitTopLevel(main, /[,，;；]/);
  const fields: { role: 'lead' | 'cooperating' | 'list'; units: string }[] = [];
  for (const part of parts) {
    const p = part.trim();
    if (!p) continue;
    const verb = ROLE_VERBS.find((v) => v.re.test(p));
    // A keyed field ("部门分工:A牵头") is read as a field, its verbs inside it.
    if (!verb || p.includes(':')) return null;
    const units = p.replace(verb.re, '').trim();
    if (!units || units.length > 80) return null;
    fields.push({ role: verb.role, units });
  }
  return fields.some((f) => f.role === 'lead' || f.role === 'list') ? fields : null;
}

/**
 * Finds the responsibility of an item: all of its clauses merged. Leads are the units a 牵头 field
 * or verb names; without one, the first unit of the first list leads. Every other unit named
 * cooperates. People (责任领导, 责任人) are left out.
 */
export function findResponsibility(text: string): ResponsibilityMatch | null {
  const clauses = clausesOf(text);
  if (clauses.length === 0) return null;
  const fields: { role: FieldRole; units: UnitRef[] }[] = [];
  for (const c of clauses) {
    const verbFields = roleVerbFields(c.inner);
    if (verbFields) {
      for (const f of verbFields) fields.push({ role: f.role, units: splitUnits(f.units) });
      continue;
    }
    fields.push(...labelledFields(c.inner));
  }
  const responsibility = merge(fields, clauses.map((c) => c.inner.trim()).join('；'));
  if (!responsibility) return null;
  return {
    responsibility,
    start: clauses[0].start,
    end: clauses[clauses.length - 1].end,
    spans: clauses.map((c) => ({ start: c.start, end: c.end })),
    unclosed: clauses.some((c) => c.unclosed),
  };
}

/** "牵头单位:A;责任单位:B、C;完成时限:…" → fields by role (a field without a key continues the one before). */
function labelledFields(inner: string): { role: FieldRole; units: UnitRef[] }[] {
  const out: { role: FieldRole; units: UnitRef[] }[] = [];
  let role: FieldRole = 'list';
  // Fields are separated by ; (or by a space before a new key, as in "责任单位:A 整改时限:3天").
  const withBreaks = inner.replace(/\s+(?=[\u4e00-\u9fa5]{2,8}\s*:)/g, ';');
  for (const field of splitTopLevel(withBreaks, /[;；]/)) {
    const keyed = /^\s*([\u4e00-\u9fa5]{2,10}?)\s*:\s*(.*)$/s.exec(field) ?? missingColon(field);
    if (keyed) role = roleOfLabel(keyed[1]);
    if (role === 'other' || role === 'person') continue;
    const value = keyed ? keyed[2] : field;
    // "部门分工:A牵头,B配合" inside a labelled field: the verbs decide.
    const verbs = roleVerbFields(value);
    if (verbs) for (const f of verbs) out.push({ role: f.role, units: splitUnits(f.units) });
    else out.push({ role, units: splitUnits(value) });
  }
  return out;
}

/** A known key written without its colon ("责任单位水气股"). */
function missingColon(field: string): RegExpExecArray | null {
  return new RegExp(`^\\s*(${LABELS.map((l) => l.re).join('|')})\\s*(.+)$`).exec(field);
}

function merge(fields: { role: FieldRole; units: UnitRef[] }[], raw: string): Responsibility | null {
  const leads: UnitRef[] = [];
  const cooperating: UnitRef[] = [];
  const hasLeadField = fields.some((f) => f.role === 'lead' && f.units.length > 0);
  for (const f of fields) {
    if (f.role === 'lead') leads.push(...f.units);
    else if (f.role === 'cooperating') cooperating.push(...f.units);
    else if (f.role === 'list') {
      if (!hasLeadField && leads.length === 0 && f.units.length > 0) {
        leads.push(f.units[0]);
        cooperating.push(...f.units.slice(1));
      } else cooperating.push(...f.units);
    }
  }
  const unique = (list: UnitRef[], without: UnitRef[] = []) => {
    const seen = new Set(without.map((u) => u.name));
    return list.filter((u) => (seen.has(u.name) ? false : (seen.add(u.name), true)));
  };
  const allLeads = unique(leads);
  if (allLeads.length === 0) return null;
  const [lead, ...coLeads] = allLeads;
  return {
    lead,
    ...(coLeads.length > 0 ? { coLeads } : {}),
    cooperating: unique(cooperating, allLeads),
    raw,
  };
}

/** Kept for callers that parse the inside of one clause ("责任单位:A、B"). */
export function parseResponsibility(inner: string): Responsibility | null {
  return merge(labelledFields(inner), inner.trim());
}

/** Splits on `separator` outside brackets only ("各县(市、区)人民政府" stays whole). */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (OPENERS.includes(ch) || ch === '《') depth++;
    else if ((CLOSERS.includes(ch) || ch === '》') && depth > 0) depth--;
    if (depth === 0 && separator.test(ch)) {
      out.push(current);
      current = '';
    } else current += ch;
  }
  out.push(current);
  return out;
}

const ALL_SECTIONS = /^(?:局机关|局属|全局|局)?各(?:股室|科室|处室|部门|单位|股|科|室)$/;
/** A group word written as the whole name: 相关业务股室, 有关部门 (kept, to be named later). */
const RELATED_SECTIONS = /^(?:相关|有关)(?:业务)?(?:股室|科室|处室|部门|单位|股|科)$/;
/** Words around unit names that are not part of them. */
const LEADING_WORDS = /^(?:由|以及|及|与|会同|联合|协调|督促|指导)/;
const TRAILING_WORDS =
  /(?:等(?:有关|相关)?(?:部门|单位|成员单位)?|牵头负责|牵头|配合|参与|协助|负责落实|具体落实|按职责分工负责|按职责负责|分工负责|负责)$/;
/** Endings of a body's name, where a second name printed without a separator may begin. */
const NAME_END = '局|委|办|厅|院|所|站|队|处|中心|部|司|会|室|府|馆|社区|街道|集团|公司';
const RUN_TOGETHER = new RegExp(`(?<=(?:${NAME_END}))(?=(?:区|市|县|省)[\\u4e00-\\u9fa5]{2,})`, 'g');
/** A bare place ("黄埔区", "各县", "城乡一体化示范区"): no body named after it. */
const BARE_PLACE = /^(?:各)?[\u4e00-\u9fa5]{1,10}(区|县|市|镇|乡)$/;
/** The body that bare places before it share: "南沙区政府", "区人民政府(管委会)", "高新区党工委和管委会". */
const SHARED_BODY = /^(?:[\u4e00-\u9fa5]{0,8}?)(区|县|市|镇|乡)(?:人民政府|政府|党委|党工委|管委会|办事处)/;

/**
 * Splits a unit list on 、，,/ and 及 (outside brackets), drops words that are not names (等, 牵头,
 * 由…), splits two names printed without a separator (区财政局区税务局), and resolves group words
 * instead of dropping them: 各股室 → all sections; "执法分局及相关业务股室" → 执法分局 and a
 * related-sections reference.
 */
export function splitUnits(list: string): UnitRef[] {
  const out: UnitRef[] = [];
  // Unit names hold no spaces; stray ones come from converters.
  const squeezed = list.replace(/\s+/g, '').replace(/[。.]+$/, '');
  for (const part of joinSharedBodies(splitTopLevel(squeezed, /[、,，/;；]/))) {
    for (const piece of part.includes('、') ? [part] : splitTopLevel(part, /及/)) {
      const name = piece.replace(LEADING_WORDS, '').replace(TRAILING_WORDS, '').replace(TRAILING_WORDS, '');
      if (!name) continue;
      if (RELATED_SECTIONS.test(name)) out.push({ name, kind: 'related-sections' });
      else if (ALL_SECTIONS.test(name)) out.push({ name, kind: 'all-sections' });
      else for (const single of splitRunTogether(name)) out.push({ name: single, kind: 'unit' });
    }
  }
  return out;
}

/** "黄埔区、南沙区政府" and "各县、区人民政府(管委会)" name one body of several places: kept together. */
function joinSharedBodies(parts: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    let j = i;
    while (j < parts.length - 1 && BARE_PLACE.test(parts[j])) j++;
    const body = j > i ? SHARED_BODY.exec(parts[j]) : null;
    // The places share the body when it names their kind ("区人民政府" after 各县) or the same kind of place.
    const shared =
      body && (/^[区县市镇乡]/.test(parts[j]) || parts.slice(i, j).every((p) => BARE_PLACE.exec(p)![1] === body[1]));
    if (shared) {
      out.push(parts.slice(i, j + 1).join('、'));
      i = j;
    } else out.push(parts[i]);
  }
  return out;
}

/** "区财政局区税务局" → 区财政局, 区税务局 (outside brackets; each piece at least three characters). */
function splitRunTogether(name: string): string[] {
  if (name.length < 6 || /[()]/.test(name)) return [name];
  const pieces = name.split(RUN_TOGETHER);
  return pieces.length > 1 && pieces.every((p) => p.length >= 3) ? pieces : [name];
}
