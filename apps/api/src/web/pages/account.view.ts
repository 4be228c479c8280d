import { MIN_PASSWORD_LENGTH } from '@duban/domain/access/password-policy';
import { ROLE_LABELS } from '@duban/domain/labels/labels';
import { AuthUser } from '../../auth/auth-user';
import { FormRefusal, refusalFor } from '../layout/form-refusal';
import { html, raw, SafeHtml } from '../layout/html';

/** 账号与密码: who I am here, and the form to change my own password. */
export function accountBody(
  user: AuthUser,
  csrf: string,
  refusal: FormRefusal | null,
  notice: 'changed' | 'required' | null,
): SafeHtml {
  const r = refusalFor(refusal, 'password');
  return html`<section class="card" aria-labelledby="me">
      <h2 id="me">我的账号</h2>
      <dl class="facts">
        <dt>姓名</dt>
        <dd>${user.displayName}</dd>
        <dt>用户名</dt>
        <dd>${user.username}</dd>
        <dt>角色</dt>
        <dd>${ROLE_LABELS[user.role]}</dd>
      </dl>
    </section>
    <section class="card" aria-labelledby="pw">
      <h2 id="pw">修改密码</h2>
      ${
        notice === 'changed'
          ? html`<p class="notice" role="status" id="password-changed">密码已修改；其他设备上的登录已全部退出。</p>`
          : ''
      }
      ${
        notice === 'required'
          ? html`<p class="notice" role="alert" id="password-required">
              您的密码由管理员设置。请先设置自己的密码，之后才能使用系统的其他页面。
            </p>`
          : ''
      }
      <form method="post" action="/ui/account/password" class="action-form">
        <input type="hidden" name="_csrf" value="${csrf}" />
        ${r.message()} ${passwordField('currentPassword', '当前密码', 'current-password', r.ties('currentPassword'))}
        ${passwordField(
          'newPassword',
          '新密码',
          'new-password',
          r.ties('newPassword'),
          raw(`minlength="${MIN_PASSWORD_LENGTH}" aria-describedby="password-rule"`),
        )}
        <p class="muted" id="password-rule">
          至少 ${MIN_PASSWORD_LENGTH} 个字符，不含用户名，不能是常见或有规律的密码（如 1234567890）。
        </p>
        ${passwordField('confirmPassword', '再次输入新密码', 'new-password', r.ties('confirmPassword'))}
        <button class="btn" type="submit">修改密码</button>
      </form>
    </section>`;
}

/** One password input with its label; `ties` marks it refused, `extra` adds its own attributes. */
function passwordField(
  name: string,
  label: string,
  autocomplete: 'current-password' | 'new-password',
  ties: SafeHtml | '',
  extra: SafeHtml | '' = '',
): SafeHtml {
  return html`<label
    >${label} <input type="password" name="${name}" autocomplete="${autocomplete}" required ${extra} ${ties}
  /></label>`;
}
