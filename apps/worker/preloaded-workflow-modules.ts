/**
 * Modules the workflow bundle loads once per workflow thread and shares between workflow runs (the
 * SDK's `preloadModules`, which deep-freezes them). Every other module of the bundle is evaluated again
 * for each run, cached or replayed: zod alone was a sixth of the workflow thread's CPU and most of the
 * heap each cached workflow held. Only code without per-workflow state belongs here, and no module that
 * builds schemas at load: zod 4 defines a schema's properties on first use, which a frozen schema refuses.
 * Every bundle of `workflows/` lists them (the worker's own bundling, `npm run build`, the tests').
 */
export const PRELOADED_WORKFLOW_MODULES = [require.resolve('./preloaded-zod')];
