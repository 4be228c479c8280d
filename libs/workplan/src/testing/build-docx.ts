import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface DocxParagraph {
  text: string;
  /** Rows of cells: the paragraph becomes a Word table instead (its text is ignored). */
  table?: DocxCell[][];
  /** List level (w:ilvl) when Word numbers the paragraph automatically. */
  level?: number;
  /** Which list (w:numId); 1 by default. */
  numId?: number;
}

/** A table cell: its text, or a cell merged down ("restart" opens a vertical merge, "continue" extends it). */
export type DocxCell = string | { text: string; vMerge?: 'restart' | 'continue'; gridSpan?: number };

export interface DocxLevel {
  numFmt: string;
  lvlText: string;
  start?: number;
}

/** Plans usually number 板块 （一）, 事项 1., 子事项 1) — as Word list levels 0, 1, 2. */
export const PLAN_LIST_LEVELS: DocxLevel[] = [
  { numFmt: 'chineseCounting', lvlText: '（%1）' },
  { numFmt: 'decimal', lvlText: '%2.' },
  { numFmt: 'decimal', lvlText: '%3)' },
];

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A minimal but valid .docx, for tests: paragraphs of typed text or Word-numbered list items. */
export async function buildDocx(paragraphs: DocxParagraph[], levels: DocxLevel[] = PLAN_LIST_LEVELS): Promise<Buffer> {
  const zip = new JSZip();
  const body = paragraphs
    .map((p) => {
      if (p.table) return tableXml(p.table);
      const numPr =
        p.level === undefined
          ? ''
          : `<w:pPr><w:numPr><w:ilvl w:val="${p.level}"/><w:numId w:val="${p.numId ?? 1}"/></w:numPr></w:pPr>`;
      return `<w:p>${numPr}<w:r><w:t xml:space="preserve">${esc(p.text)}</w:t></w:r></w:p>`;
    })
    .join('');
  const lvls = levels
    .map(
      (l, i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.numFmt}"/><w:lvlText w:val="${l.lvlText}"/></w:lvl>`,
    )
    .join('');
  const numIds = [...new Set(paragraphs.filter((p) => p.level !== undefined).map((p) => p.numId ?? 1))];
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file(
    'word/_rels/document.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`,
  );
  zip.file(
    'word/numbering.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0">${lvls}</w:abstractNum>${numIds
      .map((id) => `<w:num w:numId="${id}"><w:abstractNumId w:val="0"/></w:num>`)
      .join('')}</w:numbering>`,
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

function tableXml(rows: DocxCell[][]): string {
  const cell = (c: DocxCell) => {
    const { text, vMerge, gridSpan } = typeof c === 'string' ? { text: c, vMerge: undefined, gridSpan: undefined } : c;
    const props =
      vMerge || gridSpan
        ? `<w:tcPr>${gridSpan ? `<w:gridSpan w:val="${gridSpan}"/>` : ''}${vMerge ? `<w:vMerge w:val="${vMerge}"/>` : ''}</w:tcPr>`
        : '';
    const paragraphs = (vMerge === 'continue' ? '' : text)
      .split('\n')
      .map((line) => `<w:p><w:r><w:t xml:space="preserve">${esc(line)}</w:t></w:r></w:p>`)
      .join('');
    return `<w:tc>${props}${paragraphs}</w:tc>`;
  };
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}
