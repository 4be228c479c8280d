import { createServer, Server } from 'node:net';
import { ConfigError } from '@duban/domain/errors/config-error';
import { connectionBasics, connectTemporalClient, connectTemporalWorker } from './temporal-connection';
import { loadTemporalConfig } from './temporal-config';

/** A port nobody listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('Temporal connections', () => {
  it('pass address and API key through, with TLS off unless configured', () => {
    expect(connectionBasics(loadTemporalConfig({ TEMPORAL_ADDRESS: 't.example:7233', TEMPORAL_API_KEY: 'k' }))).toEqual(
      { address: 't.example:7233', apiKey: 'k' },
    );
    expect(connectionBasics(loadTemporalConfig({}))).toEqual({ address: '127.0.0.1:7233' });
  });

  it('report an unreachable client address as a ConfigError naming TEMPORAL_ADDRESS', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const error = await connectTemporalClient(loadTemporalConfig({ TEMPORAL_ADDRESS: address }), 1_000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`Temporal at ${address} is unreachable (TEMPORAL_ADDRESS)`);
  });

  it('report an unreachable worker address the same way, within the timeout', async () => {
    const address = `127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const error = await connectTemporalWorker(loadTemporalConfig({ TEMPORAL_ADDRESS: address }), 1_000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).setting).toBe('TEMPORAL_ADDRESS');
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
