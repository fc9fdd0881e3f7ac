import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AttachRefused, DocumentRepository } from '../../../libs/db/document.repository';
import { NominationRepository, type NominationRecord } from '../../../libs/db/nomination.repository';
import { isClerkOf, type Actor } from '../../../libs/domain/access-policy';
import { awardOf } from '../../../libs/domain/nomination-catalogue';
import { checkDecide, checkResubmit, checkWithdraw } from '../../../libs/domain/nomination-machine';
import { decideUpdate, resubmitUpdate, withdrawUpdate } from '../../../libs/domain/nomination-messages';
import type { DecisionInput, ResubmitInput, WithdrawInput } from '../../../libs/domain/schemas';
import { ApiError } from '../common/api-error';
import { DossierCheck } from './dossier-check';
import { NominationAccess } from './nomination-access';
import { documentsInFront, NominationCommands, precheck } from './nomination-commands';
import { NominationReader } from './nomination-reader';
import type { NominationView } from './nomination.view';

/**
 * The commands of the review: a reviewer's decision, the unit's resubmission and withdrawal. Who may
 * send each is checked against the database before Temporal is asked; the workflow's own validators
 * then decide against the authoritative state.
 */
@Injectable()
export class ReviewCommandsService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly documents: DocumentRepository,
    private readonly access: NominationAccess,
    private readonly commands: NominationCommands,
    private readonly dossier: DossierCheck,
    private readonly reader: NominationReader,
  ) {}

  async decide(actor: Actor, id: string, input: DecisionInput): Promise<NominationView> {
    const record = await this.access.visible(actor, id);
    const onBehalfOf = await this.access.authority(actor, record, input.level);
    const documents = documentsInFront(record);
    const command = { ...input, requestId: input.requestId ?? randomUUID(), reviewer: actor.username, onBehalfOf, ...(documents.length > 0 && { documents }) };
    await this.commands.send(record.workflowId, decideUpdate, actor.username, command, () => precheck(record, (s) => checkDecide(s, input)));
    return this.reader.reread(actor, id);
  }

  async resubmit(actor: Actor, id: string, input: ResubmitInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const { documents: documentIds = [], ...rest } = input;
    const command = { ...rest, requestId: input.requestId ?? randomUUID(), actor: actor.username };
    // Documents are attached by the API before the workflow is asked, once per request id: a repeated
    // request finds them attached already and is answered from the request log.
    if (documentIds.length > 0 && !(await this.nominations.findRequest(actor.username, command.requestId))) {
      precheck(record, checkResubmit);
      await this.dossier.check(actor, awardOf(record), record.documents, documentIds);
      try {
        await this.documents.attachNow(record.id, actor.username, documentIds);
      } catch (error) {
        if (error instanceof AttachRefused) throw ApiError.from(error.refusal);
        throw error;
      }
    }
    await this.commands.send(record.workflowId, resubmitUpdate, actor.username, command, () => precheck(record, checkResubmit));
    return this.reader.reread(actor, id);
  }

  async withdraw(actor: Actor, id: string, input: WithdrawInput): Promise<NominationView> {
    const record = await this.ownRecord(actor, id);
    const command = { ...input, requestId: input.requestId ?? randomUUID(), actor: actor.username };
    await this.commands.send(record.workflowId, withdrawUpdate, actor.username, command, () => precheck(record, checkWithdraw));
    return this.reader.reread(actor, id);
  }

  private async ownRecord(actor: Actor, id: string): Promise<NominationRecord> {
    const record = await this.access.visible(actor, id);
    if (!isClerkOf(actor, record.unitCode)) throw ApiError.forbidden('Only the submitting unit’s clerk may do this');
    return record;
  }
}
