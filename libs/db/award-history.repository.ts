import { Injectable } from '@nestjs/common';
import { historyBasisSchema, type HistoryBasis } from '../catalogue/catalogue.schema';
import type { AwardHistoryRow } from '../eligibility/award-history-csv';
import { recordAudit } from './audit.repository';
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
const keyOf = (r: { fullName: string; unitCode: string; awardCode: string; year: number }) => JSON.stringify([r.fullName, r.unitCode, r.awardCode, r.year]);
// An import of the largest file allowed (20,000 rows) writes them all in one transaction.
const IMPORT_TIMEOUT_MS = 5 * 60_000;

/** What an import of CSV `file` (its SHA-256) by `actor` brings in, recorded as the import's audit event. */
export interface HistoryImport {
  rows: readonly AwardHistoryRow[];
  source: string;
  actor: string;
  fileSha256: string;
}

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
   * year is corrected (new decision reference, source and basis) rather than doubled. The audit event
   * keeps what each corrected row said before, which the table no longer does.
   */
  async importRows({ rows, source, actor, fileSha256 }: HistoryImport): Promise<number> {
    await this.prisma.$transaction(
      async (tx) => {
        const stored = await tx.$queryRaw<AwardHistoryEntry[]>`
          SELECT full_name AS "fullName", unit_code AS "unitCode", award_code AS "awardCode", year, decision_ref AS "decisionRef", source, basis
          FROM award_history
          WHERE (full_name, unit_code, award_code, year) IN (
            SELECT * FROM unnest(${rows.map((r) => r.fullName)}::text[], ${rows.map((r) => r.unitCode)}::text[],
                                 ${rows.map((r) => r.awardCode)}::text[], ${rows.map((r) => r.year)}::int[]))
          FOR UPDATE`;
        const before = new Map(stored.map((row) => [keyOf(row), row]));
        const fresh = rows.filter((r) => !before.has(keyOf(r)));
        await tx.awardHistory.createMany({
          data: fresh.map(({ fullName, unitCode, awardCode, year, decisionRef, basis }) => ({
            fullName,
            unitCode,
            awardCode,
            year,
            decisionRef,
            source,
            basis,
          })),
        });
        const overwritten = [];
        for (const { fullName, unitCode, awardCode, year, decisionRef, basis } of rows) {
          const old = before.get(keyOf({ fullName, unitCode, awardCode, year }));
          if (!old || (old.decisionRef === decisionRef && old.source === source && old.basis === basis)) continue;
          await tx.awardHistory.update({
            where: { fullName_unitCode_awardCode_year: { fullName, unitCode, awardCode, year } },
            data: { decisionRef, source, basis },
          });
          overwritten.push({
            fullName,
            unitCode,
            awardCode,
            year,
            before: { decisionRef: old.decisionRef, source: old.source, basis: old.basis },
            after: { decisionRef, basis },
          });
        }
        await recordAudit(tx, {
          actor,
          action: 'AWARD_HISTORY_IMPORTED',
          subject: `award-history:${fileSha256}`,
          details: { source, rows: rows.length, created: fresh.length, overwritten },
        });
      },
      { timeout: IMPORT_TIMEOUT_MS },
    );
    return rows.length;
  }
}
