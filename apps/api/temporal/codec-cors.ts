import type { Request, Response } from 'express';
import type { AppConfig } from '../../../libs/config/config';

const LOOPBACK_HOSTS = ['localhost', '127.0.0.1'];

/**
 * The origins whose pages (the Temporal UI) may call the codec server from a browser. In dev mode the
 * dev server's UI answers on localhost and 127.0.0.1 alike, so both spellings are let in.
 */
export function codecOrigins(config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'AUTH_MODE'>): Set<string> {
  const ui = new URL(config.TEMPORAL_UI_URL);
  const origins = new Set([ui.origin]);
  if (config.AUTH_MODE === 'dev' && LOOPBACK_HOSTS.includes(ui.hostname)) {
    for (const host of LOOPBACK_HOSTS) origins.add(`${ui.protocol}//${host}${ui.port ? `:${ui.port}` : ''}`);
  }
  return origins;
}

/** Lets an allowed origin read the answer; the UI sends its namespace header and, if configured, its token and cookies. */
export function applyCodecCors(origins: Set<string>, request: Request, response: Response): void {
  const origin = request.headers.origin;
  response.vary('Origin');
  if (!origin || !origins.has(origin)) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Access-Control-Allow-Credentials', 'true');
  response.setHeader('Access-Control-Allow-Methods', 'POST, OPTIONS');
  response.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-Namespace');
  response.setHeader('Access-Control-Max-Age', '600');
}

export function fromLoopback(request: Request): boolean {
  const address = request.socket.remoteAddress ?? '';
  return address === '127.0.0.1' || address === '::1' || address === '::ffff:127.0.0.1';
}
