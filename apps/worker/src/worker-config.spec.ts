import { ConfigError } from '@duban/domain/errors/config-error';
import { loadWorkerConfig } from './worker-config';

describe('the worker settings', () => {
  it('has the README defaults when nothing is set, and reads each variable', () => {
    expect(loadWorkerConfig({})).toEqual({
      kpiWarningMargin: 0.05,
      publicUrl: undefined,
      maxCachedWorkflows: 2000,
      logLevel: 'WARN',
    });
    expect(
      loadWorkerConfig({
        KPI_WARNING_MARGIN: '0.1',
        PUBLIC_URL: 'https://duban.example.gov',
        WORKER_MAX_CACHED_WORKFLOWS: '5000',
        WORKER_LOG_LEVEL: 'info',
      }),
    ).toEqual({
      kpiWarningMargin: 0.1,
      publicUrl: 'https://duban.example.gov',
      maxCachedWorkflows: 5000,
      logLevel: 'INFO',
    });
  });

  it.each([
    ['WORKER_LOG_LEVEL', 'LOUD', 'WORKER_LOG_LEVEL="LOUD" is not one of TRACE, DEBUG, INFO, WARN, ERROR'],
    [
      'WORKER_MAX_CACHED_WORKFLOWS',
      'lots',
      'WORKER_MAX_CACHED_WORKFLOWS="lots" is not a whole number between 10 and 1000000',
    ],
    ['KPI_WARNING_MARGIN', 'x', 'KPI_WARNING_MARGIN="x" is not a margin'],
  ])('stops on %s=%s with one line naming it', (name, value, message) => {
    expect(() => loadWorkerConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadWorkerConfig({ [name]: value })).toThrow(message);
  });
});
