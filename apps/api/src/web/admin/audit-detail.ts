/** The audit log's details are written for machines and logs; the page says them in Chinese. */
const DETAILS: Record<string, string> = {
  'wrong password': '密码错误',
  'unknown user': '用户名不存在',
  throttled: '失败次数过多，已暂时锁定',
  'account inactive': '账号已停用',
  'password reset': '管理员重置了密码',
  'wrong current password': '当前密码错误',
  'refresh token reused': '续期凭据被重复使用，该登录已终止',
  'local passwords off': '本地密码登录已关闭',
};

export function auditDetailText(detail: string | null): string {
  if (!detail) return '';
  const known = DETAILS[detail];
  if (known) return known;
  const cleared = /^(\d+) failed sign-ins cleared$/.exec(detail);
  if (cleared) return `清除了 ${cleared[1]} 次登录失败记录`;
  if (detail.startsWith('oidc: ')) return `统一身份认证：${detail.slice(6)}`;
  // A refused task action: "CODE: 中文说明" → the Chinese.
  const refused = /^[A-Z][A-Z0-9_]+: (.+)$/s.exec(detail);
  return refused ? refused[1] : detail;
}
