import { Injectable } from '@nestjs/common';
import { recordAudit } from './audit.repository';
import { PrismaService } from './prisma.service';

export interface HoldView {
  id: string;
  fullName: string;
  unitCode: string;
  reason: string;
  /** YYYY-MM-DD, the last day of the hold. */
  until: string;
  createdBy: string;
  createdAt: Date;
}

// A DATE column arrives as midnight UTC; the day is read back the same way.
const toDate = (day: string) => new Date(`${day}T00:00:00.000Z`);
const toView = ({ id, fullName, unitCode, reason, until, createdBy, createdAt }: Omit<HoldView, 'until'> & { until: Date }): HoldView => ({
  id,
  fullName,
  unitCode,
  reason,
  until: until.toISOString().slice(0, 10),
  createdBy,
  createdAt,
});
// A lifted hold stays on record, ended; it is in force no more.
const notLifted = { endedAt: null };

@Injectable()
export class HoldRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(hold: { fullName: string; unitCode: string; reason: string; until: string; createdBy: string }): Promise<HoldView> {
    return this.prisma.$transaction(async (tx) => {
      const created = toView(await tx.hold.create({ data: { ...hold, until: toDate(hold.until) } }));
      const { fullName, unitCode, reason, until } = created;
      await recordAudit(tx, { actor: hold.createdBy, action: 'HOLD_PLACED', subject: `hold:${created.id}`, details: { fullName, unitCode, reason, until } });
      return created;
    });
  }

  /** The holds not lifted, those past their last day included. */
  async list(): Promise<HoldView[]> {
    return (await this.prisma.hold.findMany({ where: notLifted, orderBy: [{ until: 'asc' }, { createdAt: 'asc' }], take: 1000 })).map(toView);
  }

  /** Lifts a hold: kept, ended by `actor` now. The hold as it was, or null when there is none in force. */
  async end(id: string, actor: string): Promise<HoldView | null> {
    return this.prisma.$transaction(async (tx) => {
      const hold = await tx.hold.findUnique({ where: { id } });
      if (!hold || hold.endedAt) return null;
      // Only one of two lifts at once ends it; the other finds it ended.
      const { count } = await tx.hold.updateMany({ where: { id, ...notLifted }, data: { endedAt: new Date(), endedBy: actor } });
      if (count === 0) return null;
      const view = toView(hold);
      await recordAudit(tx, {
        actor,
        action: 'HOLD_LIFTED',
        subject: `hold:${id}`,
        details: { fullName: view.fullName, unitCode: view.unitCode, until: view.until },
      });
      return view;
    });
  }

  /** Holds in force on `day` (YYYY-MM-DD, Hà Nội), the last day included. */
  async active(fullName: string, unitCode: string, day: string): Promise<HoldView[]> {
    const holds = await this.prisma.hold.findMany({
      where: { fullName, unitCode, until: { gte: toDate(day) }, ...notLifted },
      orderBy: { until: 'asc' },
    });
    return holds.map(toView);
  }
}
