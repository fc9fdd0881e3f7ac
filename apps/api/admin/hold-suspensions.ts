import { Injectable, Logger } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import type { HoldView } from '../../../libs/db/hold.repository';
import { NominationRepository } from '../../../libs/db/nomination.repository';
import type { NominationState } from '../../../libs/domain/nomination-machine';
import { liftHoldUpdate, suspendUpdate } from '../../../libs/domain/nomination-messages';
import { NominationWorkflows } from '../temporal/nomination-workflows';

/** The instant a hold ends by itself: the end of its last day in Hà Nội (UTC+7). */
export const holdEndsAt = (until: string) => new Date(Date.parse(`${until}T00:00:00+07:00`) + 86_400_000).toISOString();

/**
 * A hold applies whenever it is recorded: the nominee's nominations in review (found by name and unit)
 * are suspended at their level, and resumed when it is lifted. Each workflow is told with an update
 * whose request id names the hold and the nomination, so a retry changes nothing.
 */
@Injectable()
export class HoldSuspensions {
  private readonly logger = new Logger(HoldSuspensions.name);

  constructor(
    private readonly nominations: NominationRepository,
    private readonly workflows: NominationWorkflows,
  ) {}

  async suspend(hold: HoldView, actor: string): Promise<number> {
    return this.tell(hold, 'hold', suspendUpdate, (id) => ({ holdId: hold.id, endsAt: holdEndsAt(hold.until), actor, requestId: `hold:${hold.id}:${id}` }));
  }

  async lift(hold: HoldView, actor: string): Promise<number> {
    return this.tell(hold, 'lift', liftHoldUpdate, (id) => ({ holdId: hold.id, actor, requestId: `lift:${hold.id}:${id}` }));
  }

  private async tell<C extends { requestId: string }>(
    hold: HoldView,
    what: string,
    definition: UpdateDefinition<NominationState, [C]>,
    command: (nominationId: string) => C,
  ): Promise<number> {
    let told = 0;
    for (const n of await this.nominations.inReviewFor(hold.fullName, hold.unitCode)) {
      const cmd = command(n.id);
      try {
        await this.workflows.update(n.workflowId, definition, cmd, cmd.requestId);
        told += 1;
      } catch (error) {
        // Workflows started before v5 have no such update, and one no longer held refuses the lift: both are left as they are.
        this.logger.warn(`${what} ${hold.id} not applied to nomination ${n.id}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return told;
  }
}
