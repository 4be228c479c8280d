/**
 * A setting the operator must fix. The message names the setting (e.g. "DATABASE_URL …") so the
 * launcher can print one line instead of a stack trace; `setting` lets callers and tests check it.
 */
export class ConfigError extends Error {
  constructor(
    readonly setting: string,
    message: string,
  ) {
    super(message.includes(setting) ? message : `${setting}: ${message}`);
    this.name = 'ConfigError';
  }
}
