import { parse } from 'node-html-parser';

const BLOCK = /^(P|DIV|LI|H[1-6]|TR|BR|SECTION|ARTICLE|TD|TH|PRE|BLOCKQUOTE)$/;

/** HTML → text with one line per block element, scripts and styles dropped, entities decoded. */
export function htmlToText(html: string): string {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false } });
  const lines: string[] = [];
  let line = '';
  const flush = () => {
    if (line.trim()) lines.push(line.trim());
    line = '';
  };
  const walk = (node: ReturnType<typeof parse>) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) {
        line += child.text;
        continue;
      }
      const el = child as ReturnType<typeof parse>;
      const block = BLOCK.test(el.tagName ?? '');
      if (block) flush();
      walk(el);
      if (block) flush();
    }
  };
  walk(root);
  flush();
  return lines.join('\n');
}
