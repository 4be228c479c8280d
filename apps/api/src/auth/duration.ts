const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/**
 * Parses an operator-written duration ("900", "45s", "15m", "12h", "7d") into whole seconds.
 * Returns undefined for anything else so the caller can name the bad setting.
 */
export function parseDurationSeconds(text: string): number | undefined {
  const match = /^\s*(\d{1,9})\s*([smhd]?)\s*$/i.exec(text);
  if (!match) return undefined;
  const seconds = Number(match[1]) * UNIT_SECONDS[(match[2] || 's').toLowerCase()];
  return seconds > 0 ? seconds : undefined;
}
