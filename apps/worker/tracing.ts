import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type { AppConfig } from '../../libs/config/config';

export interface WorkerTracing {
  /** Whether workflows trace too: the worker then runs the bundle with the tracing workflow interceptors. */
  traced: boolean;
  /** Traces each activity run, as a child of the workflow span that scheduled it. */
  activityInterceptors: ActivityInterceptorsFactory[];
  /** Where the traced bundle's workflow interceptors send their spans. */
  sinks: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }> | undefined;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing of the worker when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (OTLP over HTTP);
 * without one, nothing traces, workflows included.
 */
export function workerTracing(config: Pick<AppConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>): WorkerTracing {
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    return { traced: false, activityInterceptors: [], sinks: undefined, shutdown: async () => undefined };
  }
  const resource = new Resource({ 'service.name': config.OTEL_SERVICE_NAME });
  const url = `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`;
  const processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  const tracer = provider.getTracer('tdkt-worker');
  return {
    traced: true,
    activityInterceptors: [
      (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
    ],
    sinks: { exporter: makeWorkflowExporter(processor, resource) },
    shutdown: () => provider.shutdown(),
  };
}
