/**
 * Folds full-width forms to half-width for pattern matching (（→( ：→: ，→, １→1) and trims stray
 * spaces. Roman numerals such as Ⅲ are kept, since water-quality classes use them.
 */
export function normaliseForMatching(line: string): string {
  let out = '';
  for (const ch of line) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += ' ';
    else out += ch;
  }
  return out.replace(/[ \t\u00a0]+/g, ' ').trim();
}

/** Removes all spaces (stray spaces inside Chinese text carry no meaning). */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
