import { LoggerService } from '@nestjs/common';
import pino, { Logger } from 'pino';
import pretty from 'pino-pretty';
import { LogConfig } from './log-config';

/**
 * Nest's own start-up chatter (a line per module and per route) is kept at debug, so the lines a
 * person reads at info are the system's: what started, what failed, what was imported.
 */
const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

/** The process's pino logger: JSON lines for machines, or pino-pretty's lines on a terminal. */
export function processLogger(config: LogConfig, name: string, destination?: NodeJS.WritableStream): Logger {
  const options = { name, level: config.level, base: { process: name } };
  if (config.format === 'json') return destination ? pino(options, destination) : pino(options);
  return pino(
    options,
    pretty({
      colorize: destination === undefined && Boolean(process.stdout.isTTY),
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname,process,name,context',
      messageFormat: '{if context}[{context}] {end}{msg}',
      singleLine: true,
      sync: true,
      destination: destination ?? 1,
    }),
  );
}

/** Nest's LoggerService over pino: the context becomes a field, errors keep their stack. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    const { context, rest } = split(params);
    const level = context && FRAMEWORK_CONTEXTS.has(context) ? 'debug' : 'info';
    this.write(level, message, context, rest);
  }
  error(message: unknown, ...params: unknown[]) {
    const { context, rest } = split(params);
    // Nest passes (message, stack, context) for errors.
    const stack = typeof rest[0] === 'string' ? rest.shift() : undefined;
    this.write('error', message, context, stack ? [{ stack }, ...rest] : rest);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.at('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.at('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.at('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.at('fatal', message, params);
  }

  /** The levels whose parameters need no reading of their own: (message, …fields, context?). */
  private at(level: pino.Level, message: unknown, params: unknown[]) {
    const { context, rest } = split(params);
    this.write(level, message, context, rest);
  }

  private write(level: pino.Level, message: unknown, context: string | undefined, rest: unknown[]) {
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of rest) if (extra && typeof extra === 'object') Object.assign(fields, extra);
    if (message instanceof Error) this.logger[level]({ ...fields, err: message }, message.message);
    else if (message && typeof message === 'object') this.logger[level]({ ...fields, ...message });
    else this.logger[level](fields, String(message));
  }
}

/** Nest puts the context last when it is a string. */
function split(params: unknown[]): { context?: string; rest: unknown[] } {
  const rest = [...params];
  const context = typeof rest.at(-1) === 'string' ? (rest.pop() as string) : undefined;
  return { context, rest };
}
