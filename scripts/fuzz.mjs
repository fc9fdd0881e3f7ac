// `npm run fuzz`: install if needed, build, then fuzz the HTTP API (see scripts/fuzz.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInstalled, root, runNpm } from './ensure-installed.mjs';

ensureInstalled();
runNpm(['run', 'build']);
await import(pathToFileURL(join(root, 'dist', 'scripts', 'fuzz.js')).href);
