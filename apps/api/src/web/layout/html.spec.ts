import { escapeHtml, html, joinHtml, raw, SafeHtml } from './html';

describe('html template', () => {
  it('escapes interpolated text', () => {
    const title = '<script>alert("x")</script> & \'q\'';
    expect(html`<td>${title}</td>`.value).toBe(
      '<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;</td>',
    );
  });

  it('keeps SafeHtml and raw() as they are, joins arrays, drops null/undefined/false', () => {
    const inner = html`<b>${'粗'}</b>`;
    expect(inner).toBeInstanceOf(SafeHtml);
    expect(html`<p>${inner}${raw('<br>')}${null}${undefined}${false}</p>`.value).toBe('<p><b>粗</b><br></p>');
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    // Called through an alias so Prettier's embedded-HTML formatting leaves the exact string alone.
    const tag = html;
    expect(tag`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
  });

  it('renders numbers and joins with a separator', () => {
    expect(html`${0}/${12.5}`.value).toBe('0/12.5');
    expect(joinHtml(['<a>', html`<i>b</i>`], raw(' · ').value).value).toBe('&lt;a&gt; · <i>b</i>');
  });

  it('escapeHtml leaves Chinese text alone', () => {
    expect(escapeHtml('水气股 “蓝天”')).toBe('水气股 “蓝天”');
  });
});
