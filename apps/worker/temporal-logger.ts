import type { LogLevel, LogMetadata, Logger as SdkLogger } from '@temporalio/common';
import type { Level, Logger } from 'pino';

const PINO_LEVEL: Record<LogLevel, Level> = { TRACE: 'trace', DEBUG: 'debug', INFO: 'info', WARN: 'warn', ERROR: 'error' };

/** The Temporal SDK's own messages (worker state, activity and workflow loggers, forwarded Core logs) as pino lines. */
export class TemporalPinoLogger implements SdkLogger {
  constructor(private readonly logger: Logger) {}

  log(level: LogLevel, message: string, meta: LogMetadata = {}): void {
    // pino serializes errors under `err` only; the SDK passes them as `error`.
    const { error, ...fields } = meta;
    this.logger[PINO_LEVEL[level]]({ ...fields, ...(error !== undefined && { err: error }) }, message);
  }

  trace(message: string, meta?: LogMetadata): void {
    this.log('TRACE', message, meta);
  }

  debug(message: string, meta?: LogMetadata): void {
    this.log('DEBUG', message, meta);
  }

  info(message: string, meta?: LogMetadata): void {
    this.log('INFO', message, meta);
  }

  warn(message: string, meta?: LogMetadata): void {
    this.log('WARN', message, meta);
  }

  error(message: string, meta?: LogMetadata): void {
    this.log('ERROR', message, meta);
  }
}
