import { createServer } from 'node:net';
import { ConfigError } from '@duban/domain/errors/config-error';

/** Fails with one message naming the setting when something already listens on the port. */
export async function assertPortFree(setting: string, port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new ConfigError(
          setting,
          error.code === 'EADDRINUSE'
            ? `port ${port} on ${host} is already in use (${setting}); stop what uses it or set ${setting} to another port`
            : `cannot listen on ${host}:${port} (${setting}): ${error.message}`,
        ),
      ),
    );
    server.listen(port, host, () => server.close(() => resolve()));
  });
}
