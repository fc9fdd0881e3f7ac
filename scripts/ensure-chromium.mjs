// Finds Debian's Chromium for the browser tests, installing it with apt-get when it is missing (a
// fresh CI machine): non-interactive, as root or through sudo. Prints the executable's path.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => CANDIDATES.find((path) => existsSync(path));

function aptGet(args) {
  const asRoot = process.getuid?.() === 0;
  const [command, argv] = asRoot ? ['apt-get', args] : ['sudo', ['-n', 'apt-get', ...args]];
  // apt-get's own output goes to stderr: stdout carries only the path the caller reads.
  const result = spawnSync(command, argv, { stdio: ['ignore', process.stderr, 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return result.status === 0;
}

export function ensureChromium() {
  const present = found();
  if (present) return present;
  process.stderr.write('[browser tests] Chromium is missing: apt-get install -y chromium\n');
  // A fresh image has no package lists yet; only then is the update worth its time.
  if (!aptGet(['install', '-y', '--no-install-recommends', 'chromium'])) {
    if (!aptGet(['update']) || !aptGet(['install', '-y', '--no-install-recommends', 'chromium'])) {
      throw new Error('could not install Chromium with apt-get (set CHROMIUM_PATH to an installed one)');
    }
  }
  const installed = found();
  if (!installed) throw new Error('apt-get installed chromium, but no executable was found at /usr/bin/chromium');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(ensureChromium());
