import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from './config';

export type TemporalConnectionConfig = Pick<
  AppConfig,
  'TEMPORAL_ADDRESS' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY' | 'TEMPORAL_TLS_CA' | 'TEMPORAL_TLS_SERVER_NAME' | 'TEMPORAL_API_KEY'
>;

/** What both the client's `Connection` and the worker's `NativeConnection` take to reach the cluster. */
export interface TemporalConnectionOptions {
  address: string;
  tls?: TLSConfig;
  apiKey?: string;
}

/**
 * The cluster's address with TLS and the API key as configured. The files are read here, once, so a
 * missing or unreadable certificate stops the process at start-up with its path.
 */
export function temporalConnectionOptions(config: TemporalConnectionConfig): TemporalConnectionOptions {
  const tlsWanted = config.TEMPORAL_TLS ?? Boolean(config.TEMPORAL_TLS_CERT || config.TEMPORAL_TLS_CA || config.TEMPORAL_API_KEY);
  if (!tlsWanted) return { address: config.TEMPORAL_ADDRESS };
  const tls: TLSConfig = {
    ...(config.TEMPORAL_TLS_SERVER_NAME && { serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME }),
    ...(config.TEMPORAL_TLS_CA && { serverRootCACertificate: readPem('TEMPORAL_TLS_CA', config.TEMPORAL_TLS_CA) }),
    ...(config.TEMPORAL_TLS_CERT &&
      config.TEMPORAL_TLS_KEY && {
        clientCertPair: { crt: readPem('TEMPORAL_TLS_CERT', config.TEMPORAL_TLS_CERT), key: readPem('TEMPORAL_TLS_KEY', config.TEMPORAL_TLS_KEY) },
      }),
  };
  return { address: config.TEMPORAL_ADDRESS, tls, ...(config.TEMPORAL_API_KEY && { apiKey: config.TEMPORAL_API_KEY }) };
}

function readPem(variable: string, path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(`${variable}=${path} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}
