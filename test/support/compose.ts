import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { PROJECT_ROOT } from '../setup/paths';

export interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  entrypoint?: string[];
  environment?: Record<string, string | number | boolean | null>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: (string | { type: string; source: string; target: string; read_only?: boolean; volume?: { subpath?: string } })[];
  ports?: string[];
  expose?: string[];
  stop_grace_period?: string;
  restart?: string;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** docker-compose.yml as Compose reads it: anchors and `<<` merge keys resolved, nothing interpolated. */
export function loadCompose(): ComposeFile {
  return resolveMerges(load(readFileSync(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8'))) as ComposeFile;
}

// js-yaml reads `<<` as a plain key (YAML 1.2 has no merge keys); Compose merges it under the mapping's own keys.
function resolveMerges(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(resolveMerges);
  if (typeof node !== 'object' || node === null) return node;
  const { '<<': merged, ...own } = node as Record<string, unknown>;
  const bases = (Array.isArray(merged) ? merged : merged === undefined ? [] : [merged]).map(resolveMerges) as Record<string, unknown>[];
  const resolvedOwn = Object.fromEntries(Object.entries(own).map(([key, value]) => [key, resolveMerges(value)]));
  return Object.assign({}, ...bases.reverse(), resolvedOwn);
}

/**
 * Compose's interpolation of `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`, `${VAR?message}`
 * and `$$`, from `env`: with the colon an empty variable counts as unset, without it only an unset one does. A
 * missing `?` variable throws as `docker compose` refuses to start.
 */
export function interpolate(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\$|\$\{([A-Z0-9_]+)(?:(:?)([-?])([^}]*))?\}/g, (whole, name: string | undefined, colon?: string, op?: string, arg?: string) => {
    if (whole === '$$') return '$';
    const set = env[name!];
    if (set !== undefined && (set !== '' || (op !== undefined && colon === ''))) return set;
    if (op === '?') throw new Error(`${name}: ${arg}`);
    return op === '-' ? (arg ?? '') : '';
  });
}

/** The host path a container path of the service's bind mounts (`./host:/container[:ro]`) comes from. */
export function hostPathOf(service: ComposeService, containerPath: string, env: Record<string, string | undefined>): string | undefined {
  for (const volume of service.volumes ?? []) {
    if (typeof volume !== 'string') continue;
    const [source, target] = interpolate(volume, env).split(':');
    if (!source!.startsWith('.') && !source!.startsWith('/')) continue;
    if (containerPath === target || containerPath.startsWith(`${target}/`)) return resolve(PROJECT_ROOT, source!) + containerPath.slice(target!.length);
  }
  return undefined;
}

/** A service's environment with every value interpolated, as its process would see it. */
export function serviceEnvironment(service: ComposeService, env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, interpolate(String(value ?? ''), env)]));
}

/** The variables the file interpolates (`${NAME…}`) anywhere. */
export function interpolatedVariables(): string[] {
  const text = readFileSync(join(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
  return [...new Set([...text.matchAll(/(?<!\$)\$\{([A-Z0-9_]+)/g)].map((m) => m[1]!))];
}
