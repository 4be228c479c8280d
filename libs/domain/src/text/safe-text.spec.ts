import { findUnsafeText, firstUnsafeChar, MAX_INPUT_DEPTH, sanitizeDeep, sanitizeText } from './safe-text';

describe('safe text', () => {
  it.each([
    ['a\u0000b', 1, 'nul'],
    ['\ud800', 0, 'lone-surrogate'],
    ['x\udc00', 1, 'lone-surrogate'],
    ['\udc00\ud800', 0, 'lone-surrogate'],
    ['bell\u0007', 4, 'control'],
    ['esc\u001b', 3, 'control'],
    ['del\u007f', 3, 'control'],
    ['nel\u0085', 3, 'control'],
    ['\u009f', 0, 'control'],
  ])('finds %j at %i as %s', (text, index, kind) => {
    expect(firstUnsafeChar(text)).toMatchObject({ index, kind });
  });

  it.each(['', '普通中文', 'tab\tnew\nline\r\n', '😀 emoji pair', 'Ⅴ类水', '\u00a0nbsp', '\ufffd'])(
    'accepts %j',
    (text) => {
      expect(firstUnsafeChar(text)).toBeNull();
      expect(sanitizeText(text)).toBe(text);
    },
  );

  it('replaces each unsafe character by U+FFFD and keeps surrogate pairs whole', () => {
    expect(sanitizeText('a\u0000b\ud800c😀\u0007')).toBe('a\ufffdb\ufffdc😀\ufffd');
    expect(sanitizeDeep({ 'k\u0000': ['x\udc00', 1, null, { y: 'z\u001b' }] })).toEqual({
      'k\ufffd': ['x\ufffd', 1, null, { y: 'z\ufffd' }],
    });
  });

  it('names the field of the first problem in document order, keys included', () => {
    expect(findUnsafeText({ a: 'ok', b: ['fine', 'bad\u0000'], c: '\u0000' }, 'body')?.field).toBe('body.b[1]');
    expect(findUnsafeText({ 'k\u0000': 1 }, 'body')?.field).toContain('body');
    const problem = findUnsafeText({ note: 'x\u0000' }, 'body')!;
    expect(problem.zh).toContain('字段 body.note 第 2 个字符');
    expect(problem.en).toContain('U+0000');
    expect(findUnsafeText({ a: ['ok', { b: 'fine' }] })).toBeNull();
  });

  it('refuses nesting deeper than the limit without walking it', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH + 5; i++) deep = [deep];
    expect(findUnsafeText(deep, 'body')).toMatchObject({ reason: 'too-deep' });
    let fine: unknown = 'leaf';
    for (let i = 0; i < MAX_INPUT_DEPTH - 1; i++) fine = [fine];
    expect(findUnsafeText(fine, 'body')).toBeNull();
  });
});
