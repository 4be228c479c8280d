import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '@duban/domain/errors/config-error';
import { loadTemporalConfig, parseTemporalAddress } from './temporal-config';

const settingOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError && error.message.includes(error.setting)) return error.setting;
    throw error;
  }
  return undefined;
};

describe('loadTemporalConfig', () => {
  it('defaults to the local dev server, namespace default, queue duban-tasks', () => {
    expect(loadTemporalConfig({})).toEqual({
      address: '127.0.0.1:7233',
      local: true,
      namespace: 'default',
      taskQueue: 'duban-tasks',
    });
  });

  it('takes a cluster address, namespace, queue and API key', () => {
    const config = loadTemporalConfig({
      TEMPORAL_ADDRESS: 'duban.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'duban.a1b2c',
      TEMPORAL_TASK_QUEUE: 'duban-tasks-2',
      TEMPORAL_API_KEY: 'secret',
    });
    expect(config).toEqual({
      address: 'duban.a1b2c.tmprl.cloud:7233',
      local: false,
      namespace: 'duban.a1b2c',
      taskQueue: 'duban-tasks-2',
      apiKey: 'secret',
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadTemporalConfig({ TEMPORAL_ADDRESS: '', TEMPORAL_NAMESPACE: ' ' }).local).toBe(true);
  });

  it('names TEMPORAL_NAMESPACE and TEMPORAL_TASK_QUEUE when they are malformed', () => {
    expect(settingOf(() => loadTemporalConfig({ TEMPORAL_NAMESPACE: 'my namespace' }))).toBe('TEMPORAL_NAMESPACE');
    expect(settingOf(() => loadTemporalConfig({ TEMPORAL_TASK_QUEUE: 'duban tasks' }))).toBe('TEMPORAL_TASK_QUEUE');
  });

  describe('TLS files', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'duban-tls-'));
      for (const f of ['client.pem', 'client.key', 'ca.pem']) writeFileSync(join(dir, f), 'x');
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('accepts a certificate with its key and a CA', () => {
      const config = loadTemporalConfig({
        TEMPORAL_ADDRESS: 'temporal.internal:7233',
        TEMPORAL_TLS_CERT: join(dir, 'client.pem'),
        TEMPORAL_TLS_KEY: join(dir, 'client.key'),
        TEMPORAL_TLS_CA: join(dir, 'ca.pem'),
      });
      expect(config.tls).toEqual({
        certPath: join(dir, 'client.pem'),
        keyPath: join(dir, 'client.key'),
        caPath: join(dir, 'ca.pem'),
      });
    });

    it('names the missing half of a certificate pair and a missing file', () => {
      expect(settingOf(() => loadTemporalConfig({ TEMPORAL_TLS_CERT: join(dir, 'client.pem') }))).toBe(
        'TEMPORAL_TLS_KEY',
      );
      expect(settingOf(() => loadTemporalConfig({ TEMPORAL_TLS_KEY: join(dir, 'client.key') }))).toBe(
        'TEMPORAL_TLS_CERT',
      );
      expect(settingOf(() => loadTemporalConfig({ TEMPORAL_TLS_CA: join(dir, 'nope.pem') }))).toBe('TEMPORAL_TLS_CA');
    });
  });
});

describe('parseTemporalAddress', () => {
  it.each(['localhost:7233', '10.0.0.5:7233', 'temporal-frontend.temporal.svc.cluster.local:7233', '[::1]:7233'])(
    'accepts %p',
    (address) => expect(parseTemporalAddress(address)).toBe(address),
  );

  it.each([
    'localhost',
    'http://localhost:7233',
    'grpc://temporal:7233',
    'localhost:',
    ':7233',
    'localhost:70000',
    'localhost:0',
    'temporal host:7233',
    'localhost:7233/default',
  ])('rejects %p, naming TEMPORAL_ADDRESS', (address) => {
    expect(settingOf(() => loadTemporalConfig({ TEMPORAL_ADDRESS: address }))).toBe('TEMPORAL_ADDRESS');
  });
});
