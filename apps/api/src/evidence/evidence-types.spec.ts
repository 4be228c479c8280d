import { evidenceTypeOf } from './evidence-types';

describe('evidence types', () => {
  it('accepts a PDF by extension and signature', () => {
    expect(evidenceTypeOf('整改报告.pdf', Buffer.from('%PDF-1.7\n'))).toEqual({ ext: 'pdf', mime: 'application/pdf' });
  });

  it('refuses a file whose bytes do not match its extension', () => {
    expect(evidenceTypeOf('photo.png', Buffer.from('%PDF-1.7'))).toBeNull();
  });

  it('refuses executables and unknown extensions', () => {
    expect(evidenceTypeOf('tool.exe', Buffer.from([0x4d, 0x5a]))).toBeNull();
    expect(evidenceTypeOf('noext', Buffer.from('hello'))).toBeNull();
  });

  it('refuses binary content posing as text', () => {
    expect(evidenceTypeOf('a.txt', Buffer.from([0x41, 0x00, 0x42]))).toBeNull();
    expect(evidenceTypeOf('说明.txt', Buffer.from('情况说明', 'utf8'))).toEqual({ ext: 'txt', mime: 'text/plain' });
  });
});
