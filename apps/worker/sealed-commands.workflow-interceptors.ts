// Runs inside the workflow sandbox: only @temporalio/workflow and import-free modules belong here.
import {
  ApplicationFailure,
  log,
  patched,
  type Next,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import { isUnsealed } from '../../libs/codec/seal';

/**
 * Marks, in a run's history, that an unsealed command was refused there. A command in clear is legitimate
 * only in the histories recorded before encryption: replaying them, `patched()` answers false (no marker),
 * so they run as they did; anywhere else it answers true, and the refusal is recorded to replay alike.
 */
export const SEALED_COMMANDS_PATCH = 'sealed-commands-v1';

/** The failure type maps to the API's 403: the sender lacks the deployment's keys. */
const refusal = () =>
  ApplicationFailure.create({
    type: 'FORBIDDEN',
    message: 'Lệnh không được niêm phong bằng khóa của hệ thống: chỉ API được ra lệnh cho quy trình',
    nonRetryable: true,
  });

const unsealed = (args: readonly unknown[]): boolean => args.some(isUnsealed);

/**
 * Refuses a start, an update or a signal whose arguments came in clear (libs/codec/seal.ts): someone who
 * reaches Temporal without the keys cannot command a workflow, whatever name the payload claims.
 */
class SealedCommandsInbound implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    if (unsealed(input.args) && patched(SEALED_COMMANDS_PATCH)) {
      log.warn('unsealed workflow start refused');
      throw refusal();
    }
    return await next(input);
  }

  /** Validators run only when an update arrives, never on replay: a refusal here leaves no trace in history. */
  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    if (unsealed(input.args)) {
      // The SDK adds the update's name and id to the line.
      log.warn('unsealed update refused');
      throw refusal();
    }
    next(input);
  }

  /** For the handlers without a validator, which the SDK lets in without calling validateUpdate. */
  async handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    if (unsealed(input.args) && patched(SEALED_COMMANDS_PATCH)) {
      log.warn('unsealed update refused');
      throw refusal();
    }
    return await next(input);
  }

  /** A signal cannot be refused to its sender (the server accepts it), so it is dropped. */
  async handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    if (unsealed(input.args) && patched(SEALED_COMMANDS_PATCH)) {
      log.warn('unsealed signal dropped', { signal: input.signalName });
      return;
    }
    return await next(input);
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new SealedCommandsInbound()] });
