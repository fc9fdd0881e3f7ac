import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, NoopSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type { AppConfig } from '../../libs/config/config';

export interface WorkerTracing {
  /** Traces each activity run, as a child of the workflow span that scheduled it. */
  activityInterceptors: ActivityInterceptorsFactory[];
  /** Where the built bundle's workflow interceptors send their spans (nowhere when tracing is off). */
  sinks: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>;
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry tracing of the worker when OTEL_EXPORTER_OTLP_ENDPOINT names a collector (OTLP over HTTP).
 * The build-time workflow bundle always carries the tracing workflow interceptors, so the workflows' span
 * sink is injected either way; without a collector it drops the spans.
 */
export function workerTracing(config: Pick<AppConfig, 'OTEL_EXPORTER_OTLP_ENDPOINT' | 'OTEL_SERVICE_NAME'>): WorkerTracing {
  const resource = new Resource({ 'service.name': config.OTEL_SERVICE_NAME });
  if (!config.OTEL_EXPORTER_OTLP_ENDPOINT) {
    return { activityInterceptors: [], sinks: { exporter: makeWorkflowExporter(new NoopSpanProcessor(), resource) }, shutdown: async () => undefined };
  }
  const url = `${config.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/$/, '')}/v1/traces`;
  const processor: SpanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  const tracer = provider.getTracer('tdkt-worker');
  return {
    activityInterceptors: [
      (ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx, { tracer }), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) }),
    ],
    sinks: { exporter: makeWorkflowExporter(processor, resource) },
    shutdown: () => provider.shutdown(),
  };
}
