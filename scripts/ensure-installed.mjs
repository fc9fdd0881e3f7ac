// Installs the project's dependencies when node_modules is missing or older than the lockfile.
// Plain Node with no dependencies, because it runs before anything is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command in the project root; exits with its status if it fails. */
export function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error(`[${command}] ${args.join(' ')} failed`);
    process.exit(result.status ?? 1);
  }
}

export const runNpm = (args, env) => run(npm, args, env);

// npm rewrites node_modules/.package-lock.json on every install, so an older one means
// package-lock.json changed since (a pull brought new dependencies).
function installIsStale() {
  const installed = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(installed)) return true;
  return statSync(installed).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

export function ensureInstalled() {
  // `npm ci` on a fresh clone: exactly the lockfile, nothing resolved anew.
  if (installIsStale()) runNpm(existsSync(join(root, 'node_modules')) ? ['install', '--no-audit', '--no-fund'] : ['ci', '--no-audit', '--no-fund']);
}
