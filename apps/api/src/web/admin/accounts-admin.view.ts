import { ROLE_LABELS } from '@duban/domain/labels/labels';
import { Role, ROLES } from '../../auth/auth-user';
import { UnitViewDto } from '../../units/unit-view.dto';
import { UserViewDto } from '../../users/user-view.dto';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { html, raw, SafeHtml } from '../layout/html';
import { tableOrEmpty } from '../layout/table-or-empty';
import { unitCheckboxes } from '../layout/unit-checkboxes';
import { adminTabs } from './admin-tabs.view';

export interface AccountsListState {
  q: string;
  /** Failed sign-ins of the accounts the throttle refuses now, by username. */
  locked: Map<string, number>;
  saved: string | null;
}

/** 账号: every account, found by name, with what stops it signing in. */
export function accountsBody(
  users: readonly UserViewDto[],
  units: readonly UnitViewDto[],
  state: AccountsListState,
): SafeHtml {
  const unitName = nameOfUnit(units);
  const q = state.q.toLowerCase();
  const shown = q
    ? users.filter((u) => [u.displayName, u.username, u.mobile ?? ''].some((t) => t.toLowerCase().includes(q)))
    : users;
  return html`${adminTabs('accounts')}
    ${state.saved ? html`<p class="notice" role="status" id="account-saved">已保存账号 ${state.saved}。</p>` : ''}
    <div class="btn-row" style="margin-bottom:1rem">
      <a class="btn" href="/ui/admin/accounts/new">新建账号</a>
      <a class="btn btn-secondary" href="/ui/admin/roster">导入人员名单</a>
      <a class="btn btn-secondary" href="/ui/admin/accounts/export.xlsx" download>导出人员名单（.xlsx）</a>
    </div>
    <form class="filters" method="get" action="/ui/admin/accounts" role="search">
      <label>姓名、用户名或手机 <input type="search" name="q" value="${state.q}" /></label>
      <button class="btn btn-secondary" type="submit">查找</button>
    </form>
    <p class="muted">共 ${shown.length} 个账号${q ? html`（全部 ${users.length} 个）` : ''}。</p>
    ${tableOrEmpty({
      id: 'accounts',
      className: 'stack-sm',
      columns: ['姓名', '用户名', '角色', '单位', '分管单位', '手机', '状态', ''],
      rows: shown,
      empty: q ? '没有符合条件的账号。' : '还没有账号。',
      row: (u) =>
        html`<tr id="account-${u.username}">
          <td data-label="姓名">${u.displayName}</td>
          <td data-label="用户名" class="nowrap">${u.username}</td>
          <td data-label="角色">${ROLE_LABELS[u.role]}</td>
          <td data-label="单位">${u.unitCode ? unitName(u.unitCode) : '—'}</td>
          <td data-label="分管单位">${u.deputyUnits.map(unitName).join('、') || '—'}</td>
          <td data-label="手机" class="nowrap">${u.mobile ?? '—'}</td>
          <td data-label="状态">${statusOf(u, state.locked.get(u.username))}</td>
          <td><a href="/ui/admin/accounts/${u.id}" aria-label="修改 ${u.displayName}">修改</a></td>
        </tr>`,
    })}`;
}

function statusOf(u: UserViewDto, failures: number | undefined): SafeHtml {
  const parts: SafeHtml[] = [html`${u.active ? '在职' : '已停用'}`];
  if (failures) parts.push(html`<strong class="nowrap">已锁定（${failures} 次登录失败）</strong>`);
  if (u.mustChangePassword) parts.push(html`<span class="muted nowrap">待首次改密码</span>`);
  return html`${parts.map((p, i) => html`${i ? '，' : ''}${p}`)}`;
}

export interface AccountFormState {
  csrf: string;
  refusal: FormRefusal | null;
  /** The account's failed sign-ins when the throttle refuses it now. */
  lockedFailures?: number;
  /** A one-time password just made: shown once, never stored in plain text. */
  issuedPassword?: string | null;
  notice?: string | null;
}

/** 新建账号, or one account's page: its fields, a password reset and an unlock. */
export function accountBody(
  user: UserViewDto | null,
  units: readonly UnitViewDto[],
  state: AccountFormState,
): SafeHtml {
  const form = user ? 'account-edit' : 'account-new';
  const r = refusalFor(state.refusal, form);
  const value = (name: string, stored: string) => (r.refused ? r.value(name) : stored);
  const role = value('role', user?.role ?? 'handler') as Role;
  const unitCode = value('unitCode', user?.unitCode ?? '');
  const deputies = new Set(
    r.refused ? (state.refusal!.values.deputyUnits ?? '').split(',') : (user?.deputyUnits ?? []),
  );
  const active = units.filter((u) => u.active || u.code === user?.unitCode || user?.deputyUnits.includes(u.code));
  const action = user ? `/ui/admin/accounts/${user.id}` : '/ui/admin/accounts';
  return html`${adminTabs('accounts')}
    ${state.notice ? html`<p class="notice" role="status" id="account-notice">${state.notice}</p>` : ''}
    ${state.issuedPassword ? issuedPasswordCard(user, state.issuedPassword) : ''}
    <section class="card" aria-labelledby="account-form">
      <h2 id="account-form">${user ? `账号 ${user.displayName}（${user.username}）` : '新建账号'}</h2>
      <form method="post" action="${action}">
        <input type="hidden" name="_csrf" value="${state.csrf}" />
        ${r.message()}
        <div class="form-grid">
          <label
            >姓名
            <input
              type="text"
              name="displayName"
              required
              maxlength="128"
              value="${value('displayName', user?.displayName ?? '')}"
              ${r.ties('displayName')}
          /></label>
          ${
            user
              ? ''
              : html`<label
                  >用户名（登录用，小写字母、数字，可用手机号）
                  <input
                    type="text"
                    name="username"
                    required
                    maxlength="64"
                    autocomplete="off"
                    value="${value('username', '')}"
                    ${r.ties('username')}
                /></label>`
          }
          <label
            >角色
            <select name="role" ${r.ties('role')}>
              ${ROLES.map((x) => html`<option value="${x}" ${x === role ? raw('selected') : ''}>${ROLE_LABELS[x]}</option>`)}
            </select></label
          >
          <label
            >所在单位（承办人、股长必填）
            <select name="unitCode" ${r.ties('unitCode')}>
              <option value="">—</option>
              ${active.map((u) => html`<option value="${u.code}" ${u.code === unitCode ? raw('selected') : ''}>${u.name}</option>`)}
            </select></label
          >
          <label
            >手机
            <input
              type="tel"
              name="mobile"
              maxlength="32"
              value="${value('mobile', user?.mobile ?? '')}"
              ${r.ties('mobile')}
          /></label>
          <label
            >邮箱（接收催办、督办通知）
            <input
              type="email"
              name="email"
              maxlength="255"
              value="${value('email', user?.email ?? '')}"
              ${r.ties('email')}
          /></label>
          ${unitCheckboxes('deputyUnits', '分管单位（仅分管领导）', active, deputies, r.ties('deputyUnits'))}
          ${
            user
              ? html`<label class="wide checks"
                  ><input type="checkbox" name="active" value="1" ${user.active ? raw('checked') : ''} />
                  在职（取消勾选即停用：立即退出所有登录，不能再登录）</label
                >`
              : html`<label
                  >初始密码（可不填，自动生成）
                  <input type="text" name="password" maxlength="128" autocomplete="off" ${r.ties('password')}
                /></label>`
          }
        </div>
        <button class="btn" type="submit">${user ? '保存' : '新建账号'}</button>
      </form>
    </section>
    ${user ? accountSecurity(user, state) : ''}
    <p><a href="/ui/admin/accounts">返回账号列表</a></p>`;
}

function issuedPasswordCard(user: UserViewDto | null, password: string): SafeHtml {
  return html`<section class="card" aria-labelledby="issued" id="issued-password">
    <h2 id="issued">初始密码${user ? `：${user.displayName}（${user.username}）` : ''}</h2>
    <p>
      <span class="secret" id="initial-password">${password}</span>
    </p>
    <p class="notice notice-warn" role="status">
      此密码只显示这一次，请当面或通过安全渠道交给本人。本人首次登录时必须改为自己的密码。
    </p>
  </section>`;
}

function accountSecurity(user: UserViewDto, state: AccountFormState): SafeHtml {
  return html`<section class="card" aria-labelledby="security">
    <h2 id="security">密码与锁定</h2>
    ${
      state.lockedFailures
        ? html`<p id="locked-state">
              该账号因 ${state.lockedFailures} 次登录失败暂被锁定。确认是本人后可解锁，使其立即可以再次登录。
            </p>
            <form method="post" action="/ui/admin/accounts/${user.id}/unlock">
              <input type="hidden" name="_csrf" value="${state.csrf}" />
              <button class="btn" type="submit">解锁</button>
            </form>`
        : html`<p class="muted" id="locked-state">该账号没有被锁定。</p>`
    }
    <form method="post" action="/ui/admin/accounts/${user.id}/password" style="margin-top:.75rem">
      <input type="hidden" name="_csrf" value="${state.csrf}" />
      <p class="muted">重置后生成一次性密码，本人登录时须改为自己的密码；该账号现有的登录全部退出。</p>
      <button class="btn btn-secondary" type="submit">重置密码</button>
    </form>
  </section>`;
}

function nameOfUnit(units: readonly UnitViewDto[]): (code: string) => string {
  const names = new Map(units.map((u) => [u.code, u.name]));
  return (code) => names.get(code) ?? code;
}
