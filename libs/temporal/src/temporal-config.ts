import { existsSync } from 'node:fs';
import { ConfigError } from '@duban/domain/errors/config-error';

/** Where `npm start` runs its own Temporal dev server when TEMPORAL_ADDRESS is unset. */
export const LOCAL_TEMPORAL_ADDRESS = '127.0.0.1:7233';
export const DEFAULT_NAMESPACE = 'default';
export const DEFAULT_TASK_QUEUE = 'duban-tasks';

export interface TemporalTlsFiles {
  certPath?: string;
  keyPath?: string;
  caPath?: string;
}

export interface TemporalConfig {
  /** host:port of the frontend service. */
  address: string;
  /** True when TEMPORAL_ADDRESS is unset, i.e. the local dev server. */
  local: boolean;
  namespace: string;
  taskQueue: string;
  /** Set when any TEMPORAL_TLS_* path is given (mTLS and/or a private CA). */
  tls?: TemporalTlsFiles;
  /** Temporal Cloud API key; implies TLS. */
  apiKey?: string;
}

const setting = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value ? value : undefined;
};

/** Reads TEMPORAL_* settings with defaults; every error names the variable to fix. */
export function loadTemporalConfig(env: NodeJS.ProcessEnv = process.env): TemporalConfig {
  const rawAddress = setting(env, 'TEMPORAL_ADDRESS');
  const namespace = setting(env, 'TEMPORAL_NAMESPACE') ?? DEFAULT_NAMESPACE;
  // Namespace names are DNS-like in Temporal; catching typos here beats a NotFound at first call.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(namespace)) {
    throw new ConfigError('TEMPORAL_NAMESPACE', `TEMPORAL_NAMESPACE="${namespace}" is not a namespace name`);
  }
  const taskQueue = setting(env, 'TEMPORAL_TASK_QUEUE') ?? DEFAULT_TASK_QUEUE;
  if (/\s/.test(taskQueue) || taskQueue.length > 1000) {
    throw new ConfigError('TEMPORAL_TASK_QUEUE', `TEMPORAL_TASK_QUEUE="${taskQueue}" must be one word without spaces`);
  }
  const tls = readTlsFiles(env);
  const apiKey = setting(env, 'TEMPORAL_API_KEY');
  return {
    address: rawAddress === undefined ? LOCAL_TEMPORAL_ADDRESS : parseTemporalAddress(rawAddress),
    local: rawAddress === undefined,
    namespace,
    taskQueue,
    ...(tls ? { tls } : {}),
    ...(apiKey ? { apiKey } : {}),
  };
}

/** Accepts `host:port`, `1.2.3.4:port` or `[ipv6]:port`; the SDK wants no scheme. */
export function parseTemporalAddress(raw: string): string {
  const bad = (why: string) =>
    new ConfigError(
      'TEMPORAL_ADDRESS',
      `TEMPORAL_ADDRESS="${raw}" ${why} (expected host:port, e.g. temporal.example.gov:7233)`,
    );
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw bad('has a URL scheme');
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/.exec(raw);
  if (!match) throw bad('is not host:port');
  const port = Number(match[2]);
  if (port < 1 || port > 65535) throw bad('has a port outside 1-65535');
  return raw;
}

function readTlsFiles(env: NodeJS.ProcessEnv): TemporalTlsFiles | undefined {
  const files: TemporalTlsFiles = {
    certPath: existingFile(env, 'TEMPORAL_TLS_CERT'),
    keyPath: existingFile(env, 'TEMPORAL_TLS_KEY'),
    caPath: existingFile(env, 'TEMPORAL_TLS_CA'),
  };
  // A client certificate is useless without its key and vice versa: say which half is missing.
  if (files.certPath && !files.keyPath) {
    throw new ConfigError('TEMPORAL_TLS_KEY', 'TEMPORAL_TLS_KEY is required when TEMPORAL_TLS_CERT is set');
  }
  if (files.keyPath && !files.certPath) {
    throw new ConfigError('TEMPORAL_TLS_CERT', 'TEMPORAL_TLS_CERT is required when TEMPORAL_TLS_KEY is set');
  }
  return files.certPath || files.caPath ? files : undefined;
}

function existingFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const path = setting(env, name);
  if (path !== undefined && !existsSync(path)) throw new ConfigError(name, `${name}: file "${path}" does not exist`);
  return path;
}
