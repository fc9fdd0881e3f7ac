import { Injectable } from '@nestjs/common';
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
const toView = ({ until, ...hold }: Omit<HoldView, 'until'> & { until: Date }): HoldView => ({ ...hold, until: until.toISOString().slice(0, 10) });

@Injectable()
export class HoldRepository {
  constructor(private readonly prisma: PrismaService) {}

  async create(hold: { fullName: string; unitCode: string; reason: string; until: string; createdBy: string }): Promise<HoldView> {
    return toView(await this.prisma.hold.create({ data: { ...hold, until: toDate(hold.until) } }));
  }

  async list(): Promise<HoldView[]> {
    return (await this.prisma.hold.findMany({ orderBy: [{ until: 'asc' }, { createdAt: 'asc' }], take: 1000 })).map(toView);
  }

  /** Removes a hold; the hold as it was, or null when there was none. */
  async remove(id: string): Promise<HoldView | null> {
    const hold = await this.prisma.hold.findUnique({ where: { id } });
    if (!hold) return null;
    await this.prisma.hold.delete({ where: { id } });
    return toView(hold);
  }

  /** Holds in force on `day` (YYYY-MM-DD, Hà Nội), the last day included. */
  async active(fullName: string, unitCode: string, day: string): Promise<HoldView[]> {
    const holds = await this.prisma.hold.findMany({
      where: { fullName, unitCode, until: { gte: toDate(day) } },
      orderBy: { until: 'asc' },
    });
    return holds.map(toView);
  }
}
