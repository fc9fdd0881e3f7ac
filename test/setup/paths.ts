import { join } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');
/** Where the global setup leaves what the test files need (one run at a time per checkout). */
export const RUN_DIR = join(PROJECT_ROOT, '.data', 'test-run');
export const RUN_ENV_FILE = join(RUN_DIR, 'env.json');

export interface RunEnv {
  DATABASE_URL: string;
  TEMPORAL_ADDRESS: string;
  WORKFLOW_BUNDLE_PATH: string;
}
