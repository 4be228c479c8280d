/**
 * Text every store and channel can hold. PostgreSQL refuses NUL in text and jsonb (22P05) and a
 * lone UTF-16 surrogate cannot be encoded as UTF-8 at all; other control characters pass the
 * database but garble pages, exports and e-mail. Such text is refused at every boundary (API,
 * forms, imports, workflow validators) and, as a last line of defence, replaced by U+FFFD where
 * the system writes what it has already accepted (the projection).
 *
 * Allowed: tab, line feed, carriage return and every other Unicode scalar value except the C0/C1
 * control characters and DEL.
 */

export type UnsafeCharKind = 'nul' | 'control' | 'lone-surrogate';

export interface UnsafeChar {
  /** UTF-16 index of the character in the string. */
  index: number;
  codePoint: number;
  kind: UnsafeCharKind;
}

const isControl = (c: number) => (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);

/** The first character of `text` that must not be stored, or null. */
export function firstUnsafeChar(text: string): UnsafeChar | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return { index: i, codePoint: 0, kind: 'nul' };
    if (isControl(c)) return { index: i, codePoint: c, kind: 'control' };
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return { index: i, codePoint: c, kind: 'lone-surrogate' };
    }
    if (c >= 0xdc00 && c <= 0xdfff) return { index: i, codePoint: c, kind: 'lone-surrogate' };
  }
  return null;
}

/** `text` with every unsafe character replaced by U+FFFD (the replacement character). */
export function sanitizeText(text: string): string {
  if (firstUnsafeChar(text) === null) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i] + text[i + 1];
        i++;
      } else out += '\ufffd';
    } else if ((c >= 0xdc00 && c <= 0xdfff) || c === 0 || isControl(c)) out += '\ufffd';
    else out += text[i];
  }
  return out;
}

/** Every string (keys too) inside a JSON-like value, sanitized; other values unchanged. */
export function sanitizeDeep<T>(value: T): T {
  if (typeof value === 'string') return sanitizeText(value) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeDeep(v)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[sanitizeText(k)] = sanitizeDeep(v);
    return out as T;
  }
  return value;
}

const KIND_ZH: Record<UnsafeCharKind, string> = {
  nul: '空字符（U+0000）',
  control: '控制字符',
  'lone-surrogate': '不完整的 Unicode 代理字符',
};

/** "U+0000" style name of a code point. */
export function codePointName(c: number): string {
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
}

export interface TextProblem {
  /** Where, as a path into the input: `body.note`, `query.q`, `stages[2].name`. */
  field: string;
  reason: 'unsafe-char' | 'too-deep' | 'too-long';
  zh: string;
  en: string;
}

/** The problem of one unsafe string at `field`, worded for people. */
export function unsafeTextProblem(field: string, found: UnsafeChar): TextProblem {
  const name = codePointName(found.codePoint);
  return {
    field,
    reason: 'unsafe-char',
    zh: `字段 ${field} 第 ${found.index + 1} 个字符是${KIND_ZH[found.kind]}（${name}），无法保存；请删除该字符后重试（复制粘贴时常带入）`,
    en: `Field ${field} contains ${found.kind === 'nul' ? 'a NUL character' : found.kind === 'control' ? 'a control character' : 'an unpaired surrogate'} (${name}) at position ${found.index + 1}; remove it and retry`,
  };
}

/** Nesting deeper than this is refused before anything walks it (stack, CPU). */
export const MAX_INPUT_DEPTH = 32;

/**
 * The first unsafe string (or key) inside a JSON-like value, or input nested deeper than
 * MAX_INPUT_DEPTH; null when everything is storable. `path` names the root (e.g. "body").
 */
export function findUnsafeText(value: unknown, path = ''): TextProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path, depth: 0 }];
  while (stack.length > 0) {
    const { value: v, path: p, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const found = firstUnsafeChar(v);
      if (found) return unsafeTextProblem(p || 'value', found);
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return {
        field: p || 'value',
        reason: 'too-deep',
        zh: `请求内容嵌套超过 ${MAX_INPUT_DEPTH} 层（${p || 'value'}）`,
        en: `Input nested deeper than ${MAX_INPUT_DEPTH} levels at ${p || 'value'}`,
      };
    }
    const children: { value: unknown; path: string; depth: number }[] = [];
    if (Array.isArray(v)) {
      v.forEach((item, i) => children.push({ value: item, path: `${p}[${i}]`, depth: depth + 1 }));
    } else {
      for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
        const key = firstUnsafeChar(k);
        if (key) return unsafeTextProblem(`${p || 'value'}（字段名 / key）`, key);
        children.push({ value: item, path: p ? `${p}.${k}` : k, depth: depth + 1 });
      }
    }
    // Reversed onto the stack, so the first problem in document order is the one reported.
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return null;
}
