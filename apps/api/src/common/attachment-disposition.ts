/**
 * Content-Disposition of a download with a Chinese file name (RFC 6266 / RFC 5987): an ASCII
 * fallback for old clients, and the real name in UTF-8 for every current browser.
 */
export function attachmentDisposition(
  chineseName: string,
  asciiFallback: string,
  type: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(chineseName)}`;
}

/** A bulletin's download name: 督办通报-<plan title>-2021年第41周.<ext>. */
export function bulletinFileName(planTitle: string, weekLabel: string, ext: string): string {
  const title = planTitle.replace(/[\\/:*?"<>|\s]+/g, '').slice(0, 60);
  return `督办通报-${title}-${weekLabel}.${ext}`;
}
