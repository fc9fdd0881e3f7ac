import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { commandFingerprint, requestIdReused, scopedRequestId } from '../../../libs/domain/command-fingerprint';
import type { DocumentRef, NominationState } from '../../../libs/domain/nomination-machine';
import { stateFromRecord } from '../../../libs/domain/nomination-row';
import type { DomainError } from '../../../libs/domain/errors';
import { ApiError } from '../common/api-error';
import { NominationWorkflows } from '../temporal/nomination-workflows';

/**
 * Sends a caller's command to its nomination's workflow under its request id. A request id names one
 * command of one caller: sent again with the same command it changes nothing (answered from the
 * request log, or by Temporal's update id); with another command it is refused with 422. The workflow
 * gets it prefixed by the caller, so another caller's command under the same id is a command of its own.
 */
@Injectable()
export class NominationCommands {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly workflows: NominationWorkflows,
  ) {}

  async send<C extends { requestId: string }>(
    workflowId: string,
    definition: UpdateDefinition<NominationState, [C]>,
    actor: string,
    command: C,
    /** Fails fast on what the row already shows, once the request is known to be new. */
    precheck: () => void = () => undefined,
  ): Promise<void> {
    const fingerprint = commandFingerprint(definition.name, command);
    const earlier = await this.nominations.findRequest(actor, command.requestId);
    if (earlier) {
      if (earlier.fingerprint === fingerprint) return;
      throw ApiError.from(requestIdReused(earlier.operation));
    }
    precheck();
    const scoped = { ...command, requestId: scopedRequestId(actor, command.requestId) };
    // The fingerprint in the update id: the same command retried joins its first execution, another one does not.
    await this.workflows.update(workflowId, definition, scoped, `${fingerprint}-${scoped.requestId}`);
  }
}

/** Fails fast on what the row already shows; the workflow re-checks against its own state. */
export function precheck(record: NominationRecord, check: (s: NominationState) => DomainError | null): void {
  const error = check(stateFromRecord(record));
  if (error) throw ApiError.from(error);
}

/** What a reviewer or a council has in front of them as they decide: the workflow and the decision row keep ids and hashes. */
export function documentsInFront(record: NominationRecord): DocumentRef[] {
  return record.documents.filter((d) => d.current).map((d) => ({ id: d.id, sha256: d.sha256 }));
}
