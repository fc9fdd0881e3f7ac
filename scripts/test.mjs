// `npm test`: every test, on a fresh clone too. Unit tests first (fast, in parallel), then the
// integration tests one file at a time against the Temporal dev server and PostgreSQL their
// global setup starts (TEST_DATABASE_URL names a real server; without it, an embedded PGlite),
// then the short fuzz of the HTTP API (`npm run fuzz`). Arguments go to Jest and skip the fuzz.
import { join } from 'node:path';
import { ensureInstalled, root, run } from './ensure-installed.mjs';

ensureInstalled();
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
run(process.execPath, [jest, '--selectProjects', 'unit', ...extra]);
// --forceExit: a native Temporal worker left polling by a test must not keep CI waiting once every test
// has passed or failed (seen once: a run hung after its last test with polls to the stopped server).
run(process.execPath, [jest, '--selectProjects', 'integration', '--runInBand', '--forceExit', ...extra]);
if (extra.length === 0) run(process.execPath, [join(root, 'scripts', 'fuzz.mjs')]);
