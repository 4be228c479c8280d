/**
 * FOR UNIT TESTS ONLY: just enough MIME decoding to read back what nodemailer sent to the test
 * SMTP server (single-part text, RFC 2047 encoded words, base64 / quoted-printable), written
 * independently of nodemailer so the tests check its output rather than trust it.
 */
export interface DecodedMail {
  headers: Map<string, string>;
  text: string;
}

function bytesOfEncodedWord(encoding: string, data: string): Buffer {
  if (encoding.toUpperCase() === 'B') return Buffer.from(data, 'base64');
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    const ch = data[i];
    if (ch === '_') bytes.push(0x20);
    else if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(ch.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** Decodes =?charset?B|Q?…?= words; adjacent words are joined as bytes (a character may span two). */
export function decodeHeaderValue(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  let out = '';
  let last = 0;
  let pending: { charset: string; bytes: Buffer[] } | undefined;
  const flush = () => {
    if (pending) out += new TextDecoder(pending.charset).decode(Buffer.concat(pending.bytes));
    pending = undefined;
  };
  for (let m = word.exec(value); m; m = word.exec(value)) {
    const between = value.slice(last, m.index);
    const charset = m[1].toLowerCase();
    if (!(pending && /^\s*$/.test(between) && pending.charset === charset)) {
      flush();
      out += between;
      pending = { charset, bytes: [] };
    }
    pending.bytes.push(bytesOfEncodedWord(m[2], m[3]));
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

function decodeQuotedPrintable(body: string): Buffer {
  const unwrapped = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < unwrapped.length; i++) {
    if (unwrapped[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(unwrapped.slice(i + 1, i + 3))) {
      bytes.push(parseInt(unwrapped.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(unwrapped.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/** `raw` is the message as received, one char per byte (latin1). */
export function decodeMail(raw: string): DecodedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const headers = new Map<string, string>();
  // Unfold continuation lines, then decode each value.
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).trim().toLowerCase(), decodeHeaderValue(line.slice(colon + 1).trim()));
  }
  const transfer = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  const bytes =
    transfer === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64')
      : transfer === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : Buffer.from(body, 'latin1');
  return { headers, text: new TextDecoder(charset).decode(bytes).replace(/\r\n/g, '\n') };
}
