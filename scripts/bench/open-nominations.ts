import { PrismaPg } from '@prisma/adapter-pg';
import { Client, Connection } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { payloadDataConverterFrom } from '../../libs/codec/data-converter';
import { PrismaClient } from '../../libs/db/generated/client';
import { catalogueAt } from '../../libs/domain/award-catalogue';
import { hanoiDay } from '../../libs/domain/hanoi-time';
import { nominationWorkflowId, type NominationWorkflowInput } from '../../libs/domain/nomination-messages';
import { initialSearchAttributes } from '../../libs/domain/search-attributes';

export interface OpenTarget {
  databaseUrl: string;
  temporalAddress: string;
  namespace?: string;
  taskQueue: string;
  /** The worker's PAYLOAD_KEYS: a command in clear is refused, so the starts are sealed as the API seals them. */
  payloadKeys?: string;
}

export interface OpenOptions {
  count: number;
  /** Workflow starts in flight at once. */
  concurrency: number;
  /** Spread over these units (the first one's head sees a third of them in the inbox). */
  units?: readonly string[];
  log: (line: string) => void;
}

/**
 * Opens `count` nominations the way a submission leaves them (a row in review at its first level, then its
 * workflow started with the input and search attributes the API gives it), but without the HTTP round
 * trip, the eligibility check and the dossier: thousands open in a minute or two instead of a quarter of an
 * hour. Resolves once every workflow has committed its opening transition (the row's version is 1), so
 * the worker has run each one's first task.
 */
export async function openNominations(target: OpenTarget, opts: OpenOptions): Promise<{ ids: string[]; seconds: number }> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: target.databaseUrl }) });
  const temporal = new Client({
    connection: await Connection.connect({ address: target.temporalAddress }),
    namespace: target.namespace ?? 'default',
    dataConverter: payloadDataConverterFrom(target.payloadKeys),
  });
  try {
    const units = opts.units ?? ['U1', 'U2', 'U3'];
    const now = new Date();
    const catalogue = catalogueAt(hanoiDay(now));
    const award = catalogue.awards.find((a) => a.code === 'GIAY_KHEN_GIAM_DOC_SO')!;
    const dueAt = new Date(now.getTime() + 30 * 86_400_000);
    const rows = Array.from({ length: opts.count }, (_, i) => {
      const id = randomUUID();
      return {
        id,
        awardCode: award.code,
        catalogueVersion: catalogue.version,
        year: now.getUTCFullYear(),
        unitCode: units[i % units.length]!,
        nominee: { kind: 'INDIVIDUAL', fullName: `Người thử nghiệm ${i}`, position: 'Chuyên viên' },
        achievements: 'Hoàn thành xuất sắc nhiệm vụ.',
        route: [...award.route],
        status: 'IN_REVIEW' as const,
        currentLevel: award.route[0]!,
        dueAt,
        submittedBy: 'u1.clerk',
        requestId: id,
        workflowId: nominationWorkflowId(id),
        createdAt: now,
      };
    });
    const started = Date.now();
    for (let i = 0; i < rows.length; i += 1000) await prisma.nomination.createMany({ data: rows.slice(i, i + 1000) });
    opts.log(`${rows.length} rows inserted in ${Date.now() - started} ms`);

    let next = 0;
    const lane = async () => {
      for (let i = next++; i < rows.length; i = next++) {
        const row = rows[i]!;
        const input: NominationWorkflowInput = {
          nominationId: row.id,
          awardCode: row.awardCode,
          unitCode: row.unitCode,
          route: row.route,
          submittedAt: now.toISOString(),
          catalogueVersion: row.catalogueVersion,
          firstDueAt: dueAt.toISOString(),
          campaignId: null,
        };
        await temporal.workflow.start('nominationWorkflow', {
          workflowId: row.workflowId,
          taskQueue: target.taskQueue,
          args: [input],
          typedSearchAttributes: initialSearchAttributes(row, { ...row, dueAt: dueAt.toISOString(), overdue: false, returnCount: 0 }),
        });
        if ((i + 1) % 1000 === 0) opts.log(`${i + 1}/${rows.length} workflows started (${Math.round((Date.now() - started) / 1000)} s)`);
      }
    };
    await Promise.all(Array.from({ length: opts.concurrency }, lane));
    opts.log(`${rows.length} workflows started in ${Date.now() - started} ms`);

    const ids = rows.map((r) => r.id);
    for (;;) {
      const done = await prisma.nomination.count({ where: { id: { in: ids }, version: { gte: 1 } } });
      if (done >= ids.length) break;
      await new Promise((r) => setTimeout(r, 2000));
    }
    const seconds = (Date.now() - started) / 1000;
    opts.log(`${rows.length} workflows waiting for a decision after ${seconds.toFixed(1)} s`);
    return { ids, seconds };
  } finally {
    await prisma.$disconnect();
    await temporal.connection.close();
  }
}
