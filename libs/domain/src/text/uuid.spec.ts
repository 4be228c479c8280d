import { isUuid } from './uuid';

describe('isUuid', () => {
  it('takes a UUID in either case, and nothing PostgreSQL would refuse to cast', () => {
    expect(isUuid('8f6a1c2e-0d4b-4e7a-9a51-2f1d3c4b5a60')).toBe(true);
    expect(isUuid('8F6A1C2E-0D4B-4E7A-9A51-2F1D3C4B5A60')).toBe(true);
    for (const text of [
      '',
      '-'.repeat(36),
      '8f6a1c2e0d4b4e7a9a512f1d3c4b5a60',
      '8f6a1c2e-0d4b-4e7a-9a51-2f1d3c4b5a6',
      'x8f6a1c2e-0d4b-4e7a-9a51-2f1d3c4b5a60',
    ])
      expect([text, isUuid(text)]).toEqual([text, false]);
  });
});
