// Bundles workflows/ with its interceptors once, at build time, into dist/workflow-bundle.js (and, with the
// tracing interceptors, dist/workflow-bundle.traced.js), which the worker loads instead of bundling at every
// start (`npm run build` runs this after tsc).
import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { CONVERTER_PATHS } from '../libs/codec/data-converter';
import { BUILT_WORKFLOW_BUNDLES } from '../apps/worker/workflow-bundle';
import { interceptorModules } from '../apps/worker/workflow-interceptor-modules';
import { PRELOADED_WORKFLOW_MODULES } from '../apps/worker/preloaded-workflow-modules';

async function main(): Promise<void> {
  for (const traced of [false, true]) {
    const { code } = await bundleWorkflowCode({
      workflowsPath: require.resolve('../workflows'),
      workflowInterceptorModules: interceptorModules(traced),
      preloadModules: PRELOADED_WORKFLOW_MODULES,
      ...CONVERTER_PATHS,
    });
    const path = traced ? BUILT_WORKFLOW_BUNDLES.traced : BUILT_WORKFLOW_BUNDLES.plain;
    writeFileSync(path, code);
    console.log(`workflow bundle: ${path} (${Math.round(code.length / 1024)} KiB)`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
