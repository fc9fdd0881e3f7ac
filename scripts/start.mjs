// `npm start`: install if needed, build, then run the stack in this same process, so that
// Ctrl-C reaches a single orchestrator, which stops the services in order.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureInstalled, root, runNpm } from './ensure-installed.mjs';

ensureInstalled();
runNpm(['run', 'build']);
await import(pathToFileURL(join(root, 'dist', 'scripts', 'start-stack.js')).href);
