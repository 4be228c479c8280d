/** Invalid notification settings; thrown at startup so a bad deployment fails fast, not at 3 a.m. */
export class NotifyConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid notification config: ${problems.join('; ')}`);
    this.name = 'NotifyConfigError';
  }
}
