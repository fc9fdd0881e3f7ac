// `npm test`: every test, on a fresh clone too. Unit tests first (fast, in parallel), then the
// integration tests one file at a time against the Temporal dev server and PostgreSQL their
// global setup starts (TEST_DATABASE_URL names a real server; without it, an embedded PGlite),
// then the short fuzz of the HTTP API (`npm run fuzz`). Arguments go to Jest and skip the fuzz.
//
// The integration tests run in shards (INTEGRATION_SHARDS, 3), one process each, one after another: every
// test file leaves some of its module graph behind in a Jest process that runs files in band (Nest,
// Prisma and Temporal's native runtime keep references past a file's end), and across all the files
// the heap grew past 1.3 GB, where garbage collection starved the later files (a burst of requests
// timed out waiting for its own database pool).
//
// Every tier runs even when one before it failed, and the run ends with one line that sums them all,
// `N passed, N failed, N skipped`, counted from each runner's own results (Jest's JSON results, which
// include the browser tests, and schemathesis's JUnit report); the exit status is non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, root } from './ensure-installed.mjs';

ensureInstalled();
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');
const extra = process.argv.slice(2);
// Arguments that select tests of one tier leave the other with none, which is not a failure.
const select = extra.length > 0 ? ['--passWithNoTests'] : [];
const resultsDir = join(root, '.data', 'test-results', `${Date.now()}-${process.pid}`);
mkdirSync(resultsDir, { recursive: true });

const SHARDS = Math.max(1, Number(process.env.INTEGRATION_SHARDS ?? 3));
// Headroom for a shard's heap; not in NODE_OPTIONS, so the processes the tests start keep their own limits.
const HEAP = '--max-old-space-size=6144';

const tiers = [runTier('unit', [jest, '--selectProjects', 'unit', ...select, ...extra], jestCounts)];
for (let shard = 1; shard <= SHARDS; shard++) {
  // --forceExit: a native Temporal worker left polling by a test must not keep CI waiting once every test
  // has passed or failed (seen once: a run hung after its last test with polls to the stopped server).
  // --passWithNoTests: a selection may leave a shard with no file.
  const args = [jest, '--selectProjects', 'integration', '--runInBand', '--forceExit', '--passWithNoTests', `--shard=${shard}/${SHARDS}`, ...extra];
  tiers.push(runTier(SHARDS === 1 ? 'integration' : `integration ${shard}/${SHARDS}`, args, jestCounts, [HEAP]));
}
if (extra.length === 0) tiers.push(runTier('fuzz', [join(root, 'scripts', 'fuzz.mjs')], fuzzCounts));
rmSync(resultsDir, { recursive: true, force: true });

const total = { passed: 0, failed: 0, skipped: 0 };
for (const { name, counts } of tiers) {
  console.log(`[test] ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  for (const key of Object.keys(total)) total[key] += counts[key];
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);

/**
 * Runs one tier and counts its results from the file its runner writes. A runner that failed without
 * a failed test to show for it (a crashed global setup, a fuzz that could not start) counts as one failure.
 */
function runTier(name, args, count, nodeArgs = []) {
  const file = join(resultsDir, `${name.replace(/\W+/g, '-')}.json`);
  const isJest = args[0] === jest;
  const argv = [...nodeArgs, ...(isJest ? [...args, '--json', '--outputFile', file] : args)];
  const env = isJest ? process.env : { ...process.env, FUZZ_RESULTS_FILE: file };
  const { status } = spawnSync(process.execPath, argv, { cwd: root, stdio: 'inherit', env });
  const counts = existsSync(file) ? count(JSON.parse(readFileSync(file, 'utf8'))) : { passed: 0, failed: 0, skipped: 0 };
  if (status !== 0 && counts.failed === 0) counts.failed = 1;
  return { name, counts };
}

/** Jest's `--json` results; a test file that could not run at all has no failed test of its own, so it counts as one. */
function jestCounts(results) {
  return {
    passed: results.numPassedTests,
    failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
    skipped: results.numPendingTests + results.numTodoTests,
  };
}

/** What scripts/fuzz.ts wrote to FUZZ_RESULTS_FILE: schemathesis's test cases summed over the roles. */
function fuzzCounts(results) {
  return { passed: results.passed, failed: results.failed, skipped: results.skipped };
}
