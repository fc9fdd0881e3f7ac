import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The workflow bundles `npm run build` writes (scripts/build-workflow-bundle.ts), without and with the
 * tracing interceptors. A worker started from one neither needs webpack nor spends seconds bundling at
 * start; every replica runs the same code.
 */
export const BUILT_WORKFLOW_BUNDLES = {
  plain: join(__dirname, '..', '..', 'workflow-bundle.js'),
  traced: join(__dirname, '..', '..', 'workflow-bundle.traced.js'),
};

/** The built bundle when there is one next to the compiled worker (dist/), else null: the worker bundles itself. */
export function builtWorkflowBundle(traced: boolean, paths = BUILT_WORKFLOW_BUNDLES): string | null {
  const path = traced ? paths.traced : paths.plain;
  return existsSync(path) ? path : null;
}
