// Bundles workflows/ with its interceptors once, at build time, into dist/workflow-bundle.js, which the
// worker loads instead of bundling at every start (`npm run build` runs this after tsc).
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { BUILT_WORKFLOW_BUNDLE } from '../apps/worker/workflow-bundle';
import { BUILT_BUNDLE_INTERCEPTOR_MODULES } from '../apps/worker/workflow-interceptor-modules';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    workflowInterceptorModules: BUILT_BUNDLE_INTERCEPTOR_MODULES,
  });
  writeFileSync(BUILT_WORKFLOW_BUNDLE, code);
  console.log(`workflow bundle: ${BUILT_WORKFLOW_BUNDLE} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
