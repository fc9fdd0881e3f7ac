/**
 * The workflow interceptor modules every bundle of `workflows/` must include: the worker's own
 * bundling takes them from here, and so must any bundle built beforehand (`bundleWorkflowCode`).
 * The seal check first, so that a refused command reaches nothing else.
 */
export const WORKFLOW_INTERCEPTOR_MODULES = [
  require.resolve('./sealed-commands.workflow-interceptors'),
  require.resolve('./correlation.workflow-interceptors'),
];

/**
 * Those of a worker that traces (OTEL_EXPORTER_OTLP_ENDPOINT set): ours, and OpenTelemetry's workflow spans,
 * which the worker sends to its span sink (apps/worker/tracing.ts). Only then: the spans cost every workflow
 * activation CPU (a fifth of the workflow thread's in the benchmark) even when the sink drops them.
 */
export const TRACED_INTERCEPTOR_MODULES = [
  ...WORKFLOW_INTERCEPTOR_MODULES,
  require.resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
];

export const interceptorModules = (traced: boolean) => (traced ? TRACED_INTERCEPTOR_MODULES : WORKFLOW_INTERCEPTOR_MODULES);
