import pino, { type DestinationStream, type Logger } from 'pino';
import type { AppConfig } from '../config/config';

/**
 * One JSON object per line, on stdout unless a destination is given (the tests read their own).
 * `name` tells the API's lines from the worker's when both go to one collector.
 */
export function createLogger(config: Pick<AppConfig, 'LOG_LEVEL'>, name: 'api' | 'worker', destination?: DestinationStream): Logger {
  const options = {
    name,
    level: config.LOG_LEVEL,
    // Level names and ISO times read without a lookup table, in a terminal as in a log store.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}
