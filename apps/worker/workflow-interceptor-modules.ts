/**
 * The workflow interceptor modules every bundle of `workflows/` must include: the worker's own
 * bundling takes them from here, and so must any bundle built beforehand (`bundleWorkflowCode`).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('./correlation.workflow-interceptors')];
