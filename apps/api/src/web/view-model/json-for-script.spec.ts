import { jsonForScript } from './json-for-script';

describe('jsonForScript', () => {
  it('cannot close its script element and parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- & 水气股' };
    const text = jsonForScript(value).value;
    expect(text).not.toMatch(/[<>]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
