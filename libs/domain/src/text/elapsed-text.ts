/** How long a step took, as people say it: 3小时 / 2天4小时 / 不足1小时. */
export function elapsedText(fromIso: string, toIso: string): string {
  const hours = Math.floor(Math.max(0, Date.parse(toIso) - Date.parse(fromIso)) / 3600_000);
  if (hours < 1) return '不足1小时';
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  return days ? `${days}天${rest ? `${rest}小时` : ''}` : `${hours}小时`;
}
