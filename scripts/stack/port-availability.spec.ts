import { createServer } from 'node:net';
import { ConfigError } from '@duban/domain/errors/config-error';
import { freePort } from './free-port';
import { assertPortFree } from './port-availability';

describe('assertPortFree', () => {
  it('passes for a free port', async () => {
    await expect(assertPortFree('API_PORT', await freePort())).resolves.toBeUndefined();
  });

  it('names the setting when the port is taken', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const error = await assertPortFree('API_PORT', port).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).message).toBe(
        `port ${port} on 127.0.0.1 is already in use (API_PORT); stop what uses it or set API_PORT to another port`,
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
