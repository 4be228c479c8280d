import { AuthUser } from '../../auth/auth-user';
import { html } from './html';
import { NAV_ITEMS, renderPage } from './page-layout';

const head: AuthUser = {
  id: 'u1',
  username: 'water-air.head',
  displayName: '<水气股股长>',
  role: 'unit-head',
  unitCode: 'water-air',
  deputyUnits: [],
};

describe('renderPage', () => {
  it('renders a Chinese document with the nav, the active entry, the user and a logout form with the CSRF token', () => {
    const page = renderPage({
      title: '督办台账',
      active: 'ledger',
      user: head,
      body: html`<p>内容</p>`,
      csrfToken: 'tok',
    });
    expect(page).toMatch(/^<!doctype html>\s*<html lang="zh-CN">/);
    expect(page).toContain('<title>督办台账 · 督办台账</title>');
    // The entries of the user's role: a unit head has no 日历 (admins and supervisors do).
    for (const item of NAV_ITEMS.filter((i) => !i.roles)) expect(page).toContain(`href="${item.href}"`);
    expect(page).not.toContain('href="/ui/calendar"');
    const admin = renderPage({ title: 't', active: 'calendar', user: { ...head, role: 'admin' }, body: html`` });
    expect(admin).toMatch(/href="\/ui\/calendar"\s+class="active"/);
    expect(page).toMatch(/href="\/ui\/ledger"\s+class="active"\s+aria-current="page"/);
    expect(page).toContain('&lt;水气股股长&gt;');
    expect(page).toContain('name="_csrf" value="tok"');
    expect(page).toContain('"WenQuanYi Micro Hei"');
    expect(page).toContain('href="/api/docs"');
  });

  it('has no nav or logout without a user, and loads the given scripts deferred', () => {
    const page = renderPage({ title: '登录', active: 'none', user: null, body: html``, scripts: ['/ui/assets/a.js'] });
    expect(page).not.toContain('action="/ui/logout"');
    expect(page).not.toContain('class="nav"');
    expect(page).toContain('<script src="/ui/assets/a.js" defer></script>');
  });
});
