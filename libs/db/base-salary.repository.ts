import { Injectable } from '@nestjs/common';
import type { BaseSalaryEntry } from '../campaigns/campaign-result';
import { recordAudit } from './audit.repository';
import { PrismaService } from './prisma.service';

const day = (date: Date) => date.toISOString().slice(0, 10);

@Injectable()
export class BaseSalaryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The whole table, oldest first: one row per change of the law, a handful in a decade. */
  async list(): Promise<BaseSalaryEntry[]> {
    const rows = await this.prisma.baseSalary.findMany({ orderBy: { effectiveFrom: 'asc' }, select: { amount: true, effectiveFrom: true } });
    return rows.map((r) => ({ amount: r.amount, effectiveFrom: day(r.effectiveFrom) }));
  }

  /**
   * Adds the amount from a day on. A day already in the table keeps its amount: rewards were paid by
   * it, so a different amount for it is refused (`conflict`) rather than written over.
   */
  async add(entry: BaseSalaryEntry, createdBy: string): Promise<'added' | 'unchanged' | { conflict: number }> {
    const effectiveFrom = new Date(`${entry.effectiveFrom}T00:00:00.000Z`);
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.baseSalary.createMany({ data: [{ effectiveFrom, amount: entry.amount, createdBy }], skipDuplicates: true });
      if (created.count === 1) {
        await recordAudit(tx, { actor: createdBy, action: 'BASE_SALARY_ADDED', subject: `base-salary:${entry.effectiveFrom}`, details: { ...entry } });
        return 'added';
      }
      const existing = await tx.baseSalary.findUniqueOrThrow({ where: { effectiveFrom } });
      return existing.amount === entry.amount ? 'unchanged' : { conflict: existing.amount };
    });
  }
}
