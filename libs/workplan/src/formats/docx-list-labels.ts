import JSZip from 'jszip';
import { toChineseNumeral } from '../numbering';

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
}

interface ListDefinition {
  levels: Map<number, Level>;
}

/**
 * The labels Word prints for automatically numbered paragraphs ("（一）", "1.", "2)"), in document
 * order, one per numbered paragraph; null for a bullet. Word keeps these numbers out of the text, so
 * they are rebuilt from word/numbering.xml: the counters per list and level, formatted by each
 * level's numFmt and lvlText.
 */
export async function readListLabels(zip: JSZip): Promise<(string | null)[]> {
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!documentXml) return [];
  const lists = parseNumbering((await zip.file('word/numbering.xml')?.async('string')) ?? '');
  const styleNumbering = parseStyleNumbering((await zip.file('word/styles.xml')?.async('string')) ?? '');
  const counters = new Map<string, number[]>();
  const labels: (string | null)[] = [];
  for (const [paragraph] of documentXml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)) {
    const numbering = numberingOf(paragraph, styleNumbering);
    if (!numbering) continue;
    const list = lists.get(numbering.numId);
    const level = list?.levels.get(numbering.ilvl);
    if (!list || !level) continue;
    const counts = counters.get(numbering.numId) ?? [];
    counters.set(numbering.numId, counts);
    counts[numbering.ilvl] = (counts[numbering.ilvl] ?? level.start - 1) + 1;
    // A new item at one level restarts the levels below it.
    counts.length = numbering.ilvl + 1;
    // Word numbers an empty paragraph too, but mammoth leaves it out of its lists.
    if (!hasText(paragraph)) continue;
    labels.push(level.numFmt === 'bullet' ? null : labelOf(level, counts, list));
  }
  return labels;
}

const hasText = (paragraph: string) =>
  [...paragraph.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].some((m) => m[1].trim() !== '');

const attr = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*w:val="([^"]*)"`).exec(xml)?.[1];

function numberingOf(paragraph: string, styleNumbering: Map<string, { numId: string; ilvl: number }>) {
  const props = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? '';
  const numPr = /<w:numPr>[\s\S]*?<\/w:numPr>/.exec(props)?.[0];
  const style = attr(props, 'pStyle');
  const fromStyle = style ? styleNumbering.get(style) : undefined;
  const numId = (numPr && attr(numPr, 'numId')) ?? fromStyle?.numId;
  if (!numId || numId === '0') return null;
  const ilvl = Number((numPr && attr(numPr, 'ilvl')) ?? fromStyle?.ilvl ?? 0);
  return { numId, ilvl };
}

function parseNumbering(xml: string): Map<string, ListDefinition> {
  const abstracts = new Map<string, Map<number, Level>>();
  for (const [block, id] of xml.matchAll(/<w:abstractNum\b[^>]*w:abstractNumId="([^"]*)"[\s\S]*?<\/w:abstractNum>/g)) {
    const levels = new Map<number, Level>();
    for (const [lvl, ilvl] of block.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[\s\S]*?<\/w:lvl>/g)) {
      levels.set(Number(ilvl), {
        start: Number(attr(lvl, 'start') ?? 1),
        numFmt: attr(lvl, 'numFmt') ?? 'decimal',
        lvlText: attr(lvl, 'lvlText') ?? `%${Number(ilvl) + 1}.`,
      });
    }
    abstracts.set(id, levels);
  }
  const lists = new Map<string, ListDefinition>();
  for (const [block, numId] of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]*)"[^>]*>[\s\S]*?<\/w:num>/g)) {
    const abstract = abstracts.get(attr(block, 'abstractNumId') ?? '');
    if (!abstract) continue;
    const levels = new Map(abstract);
    for (const [override, ilvl] of block.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[\s\S]*?<\/w:lvlOverride>/g)) {
      const start = attr(override, 'startOverride');
      const base = levels.get(Number(ilvl));
      if (start && base) levels.set(Number(ilvl), { ...base, start: Number(start) });
    }
    lists.set(numId, { levels });
  }
  return lists;
}

/** Paragraph styles that carry numbering themselves (a "List Number" style, numbered headings). */
function parseStyleNumbering(xml: string): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  for (const [block, styleId] of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[\s\S]*?<\/w:style>/g)) {
    const numPr = /<w:numPr>[\s\S]*?<\/w:numPr>/.exec(block)?.[0];
    const numId = numPr && attr(numPr, 'numId');
    if (numId) out.set(styleId, { numId, ilvl: Number(attr(numPr, 'ilvl') ?? 0) });
  }
  return out;
}

function labelOf(level: Level, counts: number[], list: ListDefinition): string {
  return level.lvlText.replace(/%(\d)/g, (_, n: string) => {
    const index = Number(n) - 1;
    const fmt = list.levels.get(index)?.numFmt ?? 'decimal';
    return formatNumber(counts[index] ?? list.levels.get(index)?.start ?? 1, fmt);
  });
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

function formatNumber(n: number, numFmt: string): string {
  switch (numFmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'ideographDigital':
      return toChineseNumeral(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? CIRCLED[n - 1] : String(n);
    case 'decimalZero':
      return String(n).padStart(2, '0');
    case 'lowerLetter':
    case 'upperLetter': {
      const letter = String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
      return numFmt === 'upperLetter' ? letter.toUpperCase() : letter;
    }
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = toRoman(n);
      return numFmt === 'lowerRoman' ? roman.toLowerCase() : roman;
    }
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = n;
  let out = '';
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}
