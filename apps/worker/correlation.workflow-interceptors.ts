// Runs inside the workflow sandbox: only @temporalio/workflow and import-free modules belong here.
import {
  AsyncLocalStorage,
  type ActivityInput,
  type LocalActivityInput,
  type Next,
  type Payload,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { CORRELATION_HEADER } from '../../libs/logging/correlation-header';

/**
 * The correlation id of the client call being handled: the start's for the workflow's main body
 * (and the timers it arms), an update's or a signal's for its handler and whatever that handler
 * schedules, even after it returns.
 */
const correlation = new AsyncLocalStorage<Payload>();

const within = <T>(header: Payload | undefined, fn: () => T): T => (header ? correlation.run(header, fn) : fn());

class CorrelationInbound implements WorkflowInboundCallsInterceptor {
  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    return within(input.headers[CORRELATION_HEADER], () => next(input));
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return within(input.headers[CORRELATION_HEADER], () => next(input));
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    return within(input.headers[CORRELATION_HEADER], () => next(input));
  }
}

class CorrelationOutbound implements WorkflowOutboundCallsInterceptor {
  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>): Promise<unknown> {
    const header = correlation.getStore();
    return next(header ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER]: header } } : input);
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    const header = correlation.getStore();
    return next(header ? { ...input, headers: { ...input.headers, [CORRELATION_HEADER]: header } } : input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({
  inbound: [new CorrelationInbound()],
  outbound: [new CorrelationOutbound()],
});
