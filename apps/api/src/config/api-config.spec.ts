import { resolve } from 'node:path';
import { ConfigError } from '@duban/domain/errors/config-error';
import { loadApiConfig } from './api-config';

describe('the API settings', () => {
  it('has the README defaults when nothing is set', () => {
    expect(loadApiConfig({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      actionTimeoutMs: 20_000,
      evidenceDir: resolve('.data', 'evidence'),
      evidenceMaxBytes: 20 * 1024 * 1024,
      kpiWarningMargin: 0.05,
      bulletinSchedule: undefined,
      bulletinPlanId: undefined,
      chromiumPath: '/usr/bin/chromium',
      production: false,
    });
  });

  it('reads each variable', () => {
    expect(
      loadApiConfig({
        API_PORT: '8080',
        API_HOST: '0.0.0.0',
        ACTION_TIMEOUT_MS: '5000',
        DUBAN_DATA_DIR: '/srv/duban',
        EVIDENCE_MAX_BYTES: '1048576',
        KPI_WARNING_MARGIN: '10%',
        BULLETIN_SCHEDULE: ' off ',
        BULLETIN_PLAN_ID: 'xinjian-2027',
        CHROMIUM_PATH: '/opt/chromium',
        NODE_ENV: 'production',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      actionTimeoutMs: 5000,
      evidenceDir: '/srv/duban/evidence',
      evidenceMaxBytes: 1_048_576,
      kpiWarningMargin: 0.1,
      bulletinSchedule: 'off',
      bulletinPlanId: 'xinjian-2027',
      chromiumPath: '/opt/chromium',
      production: true,
    });
    expect(loadApiConfig({ EVIDENCE_DIR: '/data/evidence', DUBAN_DATA_DIR: '/srv' }).evidenceDir).toBe(
      '/data/evidence',
    );
  });

  it.each([
    ['ACTION_TIMEOUT_MS', '20s', 'ACTION_TIMEOUT_MS="20s" is not a whole number between 100 and 600000'],
    ['ACTION_TIMEOUT_MS', '0', 'ACTION_TIMEOUT_MS="0" is not a whole number between 100 and 600000'],
    ['EVIDENCE_MAX_BYTES', '20MB', 'EVIDENCE_MAX_BYTES="20MB" is not a whole number between 1024 and 1073741824'],
    ['API_PORT', '70000', 'API_PORT="70000" is not a TCP port (a whole number 1-65535)'],
    ['KPI_WARNING_MARGIN', '1.5', 'KPI_WARNING_MARGIN="1.5" is not a margin'],
  ])('stops on %s=%s with one line naming it', (name, value, message) => {
    expect(() => loadApiConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadApiConfig({ [name]: value })).toThrow(message);
  });
});
