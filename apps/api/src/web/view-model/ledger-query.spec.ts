import { ledgerHref, parseLedgerQuery } from './ledger-query';

describe('ledger query', () => {
  it('drops empty fields and validates like the API', () => {
    const ok = parseLedgerQuery({ q: ' 水质 ', light: '', unit: 'water-air', page: '2', other: 'x' });
    expect(ok).toEqual({
      ok: true,
      query: expect.objectContaining({ q: '水质', unit: 'water-air', page: 2, pageSize: 50 }),
    });
    if (ok.ok) expect(ok.query.light).toBeUndefined();
  });

  it('reports bad values instead of failing', () => {
    const bad = parseLedgerQuery({ light: 'purple', page: '0' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join(' ')).toMatch(/light/);
  });

  it('turns date inputs into whole Shanghai days and back', () => {
    const r = parseLedgerQuery({ dueFrom: '2021-09-01', dueTo: '2021-09-30' });
    expect(r.ok && r.query.dueFrom).toBe('2021-09-01T00:00:00+08:00');
    expect(r.ok && r.query.dueTo).toBe('2021-09-30T23:59:59.999+08:00');
    if (r.ok) expect(ledgerHref(r.query, { page: 3 })).toBe('/ui/ledger?dueFrom=2021-09-01&dueTo=2021-09-30&page=3');
  });

  it('builds links that keep the filters', () => {
    expect(ledgerHref({ q: '水', sort: 'dueAt', page: 4 }, { sort: 'light', page: 1 })).toBe(
      '/ui/ledger?q=%E6%B0%B4&sort=light',
    );
  });
});
