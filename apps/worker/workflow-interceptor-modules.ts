/**
 * The workflow interceptor modules every bundle of `workflows/` must include: the worker's own
 * bundling takes them from here, and so must any bundle built beforehand (`bundleWorkflowCode`).
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [require.resolve('./correlation.workflow-interceptors')];

/**
 * The build-time bundle's (scripts/build-workflow-bundle.ts): ours, and OpenTelemetry's workflow spans, which
 * the worker sends to its span sink (apps/worker/tracing.ts).
 */
export const BUILT_BUNDLE_INTERCEPTOR_MODULES = [...WORKFLOW_INTERCEPTOR_MODULES, require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors')];
