import { ROLE_LABELS, UNIT_KIND_LABELS } from '@duban/domain/labels/labels';

const FIELD_LABELS: Record<string, string> = {
  displayName: '姓名',
  role: '角色',
  unitCode: '单位',
  deputyUnits: '分管单位',
  email: '邮箱',
  mobile: '手机',
  active: '状态',
  mustChangePassword: '须改密码',
  name: '名称',
  aliases: '别名',
  kind: '类别',
  parentBody: '上级机关',
};

/**
 * What an audited change changed, in words: "角色：承办人 → 股长；单位：水气股 → 生态股". Only the
 * fields a person set are named; ids and timestamps are left out.
 */
export function auditChanges(before: unknown, after: unknown, unitName: (code: string) => string): string {
  if (!isRecord(after)) return '';
  const old = isRecord(before) ? before : {};
  const shown = (key: string, value: unknown): string => {
    if (value === null || value === undefined || value === '') return '（空）';
    if (Array.isArray(value)) {
      const items = key === 'deputyUnits' ? value.map((v) => unitName(String(v))) : value.map(String);
      return items.join('、') || '（空）';
    }
    if (typeof value === 'boolean') return key === 'active' ? (value ? '启用' : '停用') : value ? '是' : '否';
    if (key === 'role') return (ROLE_LABELS as Record<string, string>)[String(value)] ?? String(value);
    if (key === 'unitCode') return unitName(String(value));
    if (key === 'kind') return UNIT_KIND_LABELS[String(value)] ?? String(value);
    return String(value);
  };
  return Object.keys(FIELD_LABELS)
    .filter((key) => key in after && JSON.stringify(old[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      isRecord(before)
        ? `${FIELD_LABELS[key]}：${shown(key, old[key])} → ${shown(key, after[key])}`
        : `${FIELD_LABELS[key]}：${shown(key, after[key])}`,
    )
    .join('；');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
