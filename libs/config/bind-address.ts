import { isIP } from 'node:net';
import { z } from 'zod';

/** An address to listen on: an IP address, or `localhost` (Node's loopback). */
export const bindHostSchema = z.string().refine((host) => host === 'localhost' || isIP(host) !== 0, 'must be an IP address or localhost');

export function isLoopback(host: string): boolean {
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/**
 * `ip:port`, an IPv6 address in brackets: the form the worker's metrics bind takes, which parses an IP
 * address and resolves no names.
 */
export function socketAddress(host: string, port: number): string {
  if (host === 'localhost') return `127.0.0.1:${port}`;
  return isIP(host) === 6 ? `[${host}]:${port}` : `${host}:${port}`;
}
