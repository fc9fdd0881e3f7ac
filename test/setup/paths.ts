import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');
/** Each run gets a folder of its own, so two runs in one checkout never share state. */
export const RUNS_DIR = join(PROJECT_ROOT, '.data', 'test-runs');
/** Names the run's env file for the test files (Jest hands the parent's environment to its workers). */
export const RUN_ENV_VARIABLE = 'TDKT_TEST_RUN_ENV';

export interface RunEnv {
  DATABASE_URL: string;
  TEMPORAL_ADDRESS: string;
  WORKFLOW_BUNDLE_PATH: string;
}
