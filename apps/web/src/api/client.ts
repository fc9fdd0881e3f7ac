import createClient, { type Middleware } from 'openapi-fetch';
import { ApiFailure, type ApiErrorBody } from '../lib/errors';
import type { paths } from './schema';

/**
 * The bearer token every call carries. The session (session.tsx) sets it and keeps it where a reload
 * finds it again: this tab's sessionStorage, never localStorage (UI.md).
 */
let token: string | null = null;
let onUnauthenticated: () => void = () => undefined;

export const setToken = (value: string | null) => {
  token = value;
};
export const whenUnauthenticated = (handler: () => void) => {
  onUnauthenticated = handler;
};

const auth: Middleware = {
  onRequest({ request }) {
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401 && token) onUnauthenticated();
    return response;
  },
};

/** Typed by schema.d.ts, generated from the API's own OpenAPI document (`npm run web:client`). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** The body of a 2xx, typed by the generated client; anything else becomes an ApiFailure. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new ApiFailure(response.status, error as ApiErrorBody | undefined);
  return data as T;
}

/** A file the browser downloads with the token (a plain link could not carry it). */
export async function download(path: string, fallbackName: string): Promise<void> {
  const headers = new Headers();
  if (token) headers.set('Authorization', `Bearer ${token}`);
  const response = await fetch(path, { headers });
  if (!response.ok) throw new ApiFailure(response.status, (await response.json().catch(() => undefined)) as ApiErrorBody | undefined);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = encoded ? decodeURIComponent(encoded) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
