import { attachmentDisposition, bulletinFileName } from './attachment-disposition';

describe('download names', () => {
  it('carries the Chinese name per RFC 5987 beside an ASCII fallback', () => {
    const name = bulletinFileName('新建区 2021 年工作要点', '2021年第41周', 'pdf');
    expect(name).toBe('督办通报-新建区2021年工作要点-2021年第41周.pdf');
    const header = attachmentDisposition(name, 'bulletin-xj-2021-W41.pdf');
    expect(header).toBe(
      `attachment; filename="bulletin-xj-2021-W41.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).toBe(name);
  });

  it('keeps quotes and non-ASCII out of the fallback and path characters out of the name', () => {
    expect(attachmentDisposition('a', 'x"y\\z中.pdf')).toContain('filename="x_y_z_.pdf"');
    expect(bulletinFileName('a/b:c*?', 'w', 'xlsx')).toBe('督办通报-abc-w.xlsx');
  });
});
