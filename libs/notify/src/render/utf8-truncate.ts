const ELLIPSIS = '……';

/**
 * Cuts text to at most maxBytes of UTF-8 without splitting a character, marking the cut with
 * an ellipsis. Robots count bytes (WeCom markdown: 4096), and Chinese takes 3 bytes a character.
 */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  const budget = maxBytes - Buffer.byteLength(ELLIPSIS, 'utf8');
  let used = 0;
  let out = '';
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (used + size > budget) break;
    out += ch;
    used += size;
  }
  return out + ELLIPSIS;
}
