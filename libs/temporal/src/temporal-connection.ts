import { readFileSync } from 'node:fs';
import { Connection, TLSConfig } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { ConfigError } from '@duban/domain/errors/config-error';
import { TemporalConfig } from './temporal-config';

/** Short on purpose: a process should fail fast with a clear message, not hang on a wrong address. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;

/** The client connection of API processes (and scripts), failing with a ConfigError when unreachable. */
export async function connectTemporalClient(
  config: TemporalConfig,
  timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
): Promise<Connection> {
  try {
    return await Connection.connect({ ...connectionBasics(config), connectTimeout: timeoutMs });
  } catch (error) {
    throw unreachable(config, error);
  }
}

/** The worker's native (Rust core) connection, with the same timeout and message. */
export async function connectTemporalWorker(
  config: TemporalConfig,
  timeoutMs = DEFAULT_CONNECT_TIMEOUT_MS,
): Promise<NativeConnection> {
  // NativeConnection has no connect timeout of its own; race it and close a late connection.
  const pending = NativeConnection.connect(connectionBasics(config));
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([pending, timeout]);
  } catch (error) {
    pending.then((late) => late.close()).catch(() => undefined);
    throw unreachable(config, error);
  } finally {
    clearTimeout(timer);
  }
}

/** Address, TLS material and API key as both connection kinds take them. */
export function connectionBasics(config: TemporalConfig): { address: string; tls?: TLSConfig; apiKey?: string } {
  const tls: TLSConfig | undefined = config.tls
    ? {
        ...(config.tls.caPath ? { serverRootCACertificate: readFileSync(config.tls.caPath) } : {}),
        ...(config.tls.certPath && config.tls.keyPath
          ? { clientCertPair: { crt: readFileSync(config.tls.certPath), key: readFileSync(config.tls.keyPath) } }
          : {}),
      }
    : undefined;
  return {
    address: config.address,
    ...(tls ? { tls } : {}),
    // The SDK turns TLS on by itself when an API key is given.
    ...(config.apiKey ? { apiKey: config.apiKey } : {}),
  };
}

function unreachable(config: TemporalConfig, error: unknown): ConfigError {
  const cause = error instanceof Error ? error.message : String(error);
  const hint = config.local
    ? 'start it with `npm start`, or set TEMPORAL_ADDRESS to a running Temporal'
    : 'check TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and the TLS settings';
  return new ConfigError(
    'TEMPORAL_ADDRESS',
    `Temporal at ${config.address} is unreachable (TEMPORAL_ADDRESS): ${cause}; ${hint}`,
  );
}
