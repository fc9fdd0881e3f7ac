// Finds Debian's Chromium for the browser tests, installing it with apt-get when it is missing (a
// fresh CI machine): non-interactive, as root or through sudo. Prints the executable's path.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.mjs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => CANDIDATES.find((path) => existsSync(path));

export function ensureChromium() {
  const present = found();
  if (present) return present;
  process.stderr.write('[browser tests] Chromium is missing: apt-get install -y chromium\n');
  if (!aptInstall('chromium')) throw new Error('could not install Chromium with apt-get (set CHROMIUM_PATH to an installed one)');
  const installed = found();
  if (!installed) throw new Error('apt-get installed chromium, but no executable was found at /usr/bin/chromium');
  return installed;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(ensureChromium());
