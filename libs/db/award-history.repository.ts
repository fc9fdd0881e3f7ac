import { Injectable } from '@nestjs/common';
import { historyBasisSchema, type HistoryBasis } from '../catalogue/catalogue.schema';
import type { AwardHistoryRow } from '../eligibility/award-history-csv';
import { PrismaService } from './prisma.service';

export interface AwardHistoryEntry {
  fullName: string;
  unitCode: string;
  awardCode: string;
  year: number;
  decisionRef: string;
  source: string;
  basis: HistoryBasis;
}

const SELECT = { fullName: true, unitCode: true, awardCode: true, year: true, decisionRef: true, source: true, basis: true } as const;
const ORDER = [{ unitCode: 'asc' }, { fullName: 'asc' }, { year: 'asc' }, { awardCode: 'asc' }] as const;

@Injectable()
export class AwardHistoryRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** `fullName` must already be NFC, as everything stored is. An award whose decision was revoked no longer counts. */
  async forNominee(fullName: string, unitCode: string): Promise<AwardHistoryEntry[]> {
    const rows = await this.prisma.awardHistory.findMany({ where: { fullName, unitCode, revokedAt: null }, select: SELECT, orderBy: [...ORDER] });
    // The column holds only what the CSV schema and the approval path write.
    return rows.map((row) => ({ ...row, basis: historyBasisSchema.parse(row.basis) }));
  }

  async list(filter: { fullName?: string; unitCode?: string }, page: { skip: number; take: number }) {
    const where = { fullName: filter.fullName, unitCode: filter.unitCode };
    const [items, total] = await Promise.all([
      this.prisma.awardHistory.findMany({ where, select: SELECT, orderBy: [...ORDER], skip: page.skip, take: page.take }),
      this.prisma.awardHistory.count({ where }),
    ]);
    return { items, total };
  }

  /**
   * All or nothing, in one transaction; a row already recorded for the same person, unit, award and
   * year is corrected (new decision reference and source) rather than doubled.
   */
  async importRows(rows: readonly AwardHistoryRow[], source: string): Promise<number> {
    await this.prisma.$transaction(
      rows.map(({ fullName, unitCode, awardCode, year, decisionRef, basis }) =>
        this.prisma.awardHistory.upsert({
          where: { fullName_unitCode_awardCode_year: { fullName, unitCode, awardCode, year } },
          create: { fullName, unitCode, awardCode, year, decisionRef, source, basis },
          update: { decisionRef, source, basis },
        }),
      ),
    );
    return rows.length;
  }
}
