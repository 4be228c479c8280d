import { safeNext } from './web-exception.filter';

describe('safeNext', () => {
  it('keeps our page paths and query', () => {
    expect(safeNext('/ui/ledger?q=%E6%B0%B4')).toBe('/ui/ledger?q=%E6%B0%B4');
  });
  it('refuses other hosts, protocol-relative URLs, non-page paths and the login page', () => {
    for (const bad of [
      'https://evil.example/ui/x',
      '//evil.example/ui/x',
      '/tasks',
      '/ui/login?next=/ui/x',
      '',
      undefined,
    ]) {
      expect(safeNext(bad)).toBe('/ui/overview');
    }
  });
});
