import { isMailbox, normalisePhone } from './contact-details';

describe('normalisePhone', () => {
  it.each([
    ['13800000000', '13800000000'],
    ['138 0000 0000', '13800000000'],
    ['138-0000-0000', '13800000000'],
    ['+86 13912345678', '13912345678'],
    ['+86-13912345678', '13912345678'],
    ['8613912345678', '13912345678'],
    ['１３８００００００００', '13800000000'],
    ['0791-88888888', '0791-88888888'],
    ['079188888888', '0791-88888888'],
    ['(0791)8888888', '0791-8888888'],
    ['010-12345678-123', '010-12345678-123'],
  ])('%s → %s', (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each(['12800000000', '1380000000', '138000000001', '88888888', 'abc', '', '0791-888', '+1 4155550100'])(
    'refuses %s',
    (input) => {
      expect(normalisePhone(input)).toBeNull();
    },
  );
});

describe('isMailbox', () => {
  it.each(['zhang@example.gov.cn', 'a.b+c@x.cn'])('takes %s', (m) => expect(isMailbox(m)).toBe(true));
  it.each(['zhang', 'zhang@', '@x.cn', 'a b@x.cn', 'a@x', 'a@@x.cn', 'a@x.', `${'a'.repeat(251)}@x.cn`])(
    'refuses %s',
    (m) => expect(isMailbox(m)).toBe(false),
  );
});

describe('contact details at their edges', () => {
  it('strips a country code only at the start: 86 inside a number is part of it', () => {
    expect(normalisePhone('13986123456')).toBe('13986123456');
  });

  it('takes a 255-character mailbox, and nothing trailing the domain', () => {
    expect(isMailbox(`${'a'.repeat(250)}@x.cn`)).toBe(true);
    expect(isMailbox('zhang@x.cn<')).toBe(false);
  });
});
