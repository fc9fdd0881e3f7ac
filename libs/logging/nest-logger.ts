import type { LoggerService, LogLevel } from '@nestjs/common';
import type { Level, Logger } from 'pino';
import { currentCorrelationId } from './correlation';

const PINO_LEVEL: Record<LogLevel, Level> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace' };

/**
 * Nest's own messages, and those of every `new Logger(...)` in the services, as pino lines: with
 * the Nest context, and the correlation id of the request or activity they were written for.
 */
export class NestPinoLogger implements LoggerService {
  constructor(
    private readonly logger: Logger,
    /** Which of Nest's levels to pass on at all; pino's own level filters further. */
    private readonly levels: readonly LogLevel[],
  ) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('log', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('verbose', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: LogLevel, message: unknown, params: unknown[]): void {
    if (!this.levels.includes(level)) return;
    // Nest's convention: the context comes last, an error's stack before it.
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    const stack = level === 'error' || level === 'fatal' ? params.find((p): p is string => typeof p === 'string') : undefined;
    const fields = { context, correlationId: currentCorrelationId(), ...(stack && { stack }) };
    if (message instanceof Error) this.logger[PINO_LEVEL[level]]({ ...fields, err: message }, message.message);
    else if (typeof message === 'string') this.logger[PINO_LEVEL[level]](fields, message);
    else this.logger[PINO_LEVEL[level]]({ ...fields, detail: message });
  }
}
