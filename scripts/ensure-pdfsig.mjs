// Finds poppler's pdfsig, which verifies the signed award decisions in the tests, installing
// poppler-utils with apt-get when it is missing. Prints the executable's path.
import { existsSync } from 'node:fs';
import { aptInstall } from './apt-install.mjs';

const PATH = '/usr/bin/pdfsig';

export function ensurePdfsig() {
  if (existsSync(PATH)) return PATH;
  process.stderr.write('[award decisions] pdfsig is missing: apt-get install -y poppler-utils\n');
  if (!aptInstall('poppler-utils') || !existsSync(PATH)) throw new Error('could not install poppler-utils with apt-get');
  return PATH;
}

if (import.meta.url === `file://${process.argv[1]}`) process.stdout.write(ensurePdfsig());
