import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workflow bundle `npm run build` writes (scripts/build-workflow-bundle.ts). A worker started from it
 * neither needs webpack nor spends seconds bundling at start; every replica runs the same code.
 */
export const BUILT_WORKFLOW_BUNDLE = join(__dirname, '..', '..', 'workflow-bundle.js');

/** The built bundle when there is one next to the compiled worker (dist/), else null: the worker bundles itself. */
export function builtWorkflowBundle(path = BUILT_WORKFLOW_BUNDLE): string | null {
  return existsSync(path) ? path : null;
}
