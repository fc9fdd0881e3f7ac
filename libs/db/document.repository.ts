import { Injectable } from '@nestjs/common';
import { API_MESSAGES } from '../domain/api-messages';
import type { DomainError } from '../domain/errors';
import { firstVersions, versionChain } from '../domain/dossier';
import { recordAudit } from './audit.repository';
import type { Prisma } from './generated/client';
import { PrismaService } from './prisma.service';

type Tx = Prisma.TransactionClient;

export type DocumentRow = Prisma.DocumentGetPayload<object>;

export type NewDocument = Pick<DocumentRow, 'id' | 'type' | 'fileName' | 'mediaType' | 'size' | 'sha256' | 'uploadedBy' | 'uploaderOrg'>;

const unusable = (index: number): DomainError => ({
  code: 'VALIDATION_FAILED',
  message: API_MESSAGES.upload.notAttachable,
  details: [{ path: `documents.${index}`, message: API_MESSAGES.upload.notAttachableDetail }],
});

/** The document's row, and its upload on the audit trail in the same transaction. */
async function insert(tx: Prisma.TransactionClient, data: NewDocument): Promise<DocumentRow> {
  const row = await tx.document.create({ data });
  const { type, fileName, mediaType, size, sha256 } = row;
  await recordAudit(tx, {
    actor: row.uploadedBy,
    action: 'DOCUMENT_UPLOADED',
    subject: `document:${row.id}`,
    details: { type, fileName, mediaType, size, sha256 },
  });
  return row;
}

@Injectable()
export class DocumentRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(data: NewDocument): Promise<DocumentRow> {
    return this.prisma.$transaction((tx) => insert(tx, data));
  }

  findById(id: string): Promise<DocumentRow | null> {
    return this.prisma.document.findUnique({ where: { id } });
  }

  countForNomination(nominationId: string): Promise<number> {
    return this.prisma.document.count({ where: { nominationId } });
  }

  countWaiting(uploadedBy: string): Promise<number> {
    return this.prisma.document.count({ where: { uploadedBy, nominationId: null } });
  }

  /**
   * Records an upload waiting to be attached, unless its uploader already has `max` waiting: null then.
   * A transaction-scoped advisory lock per uploader serialises the count and the insert, so concurrent
   * uploads cannot all see room for one more.
   */
  async createWaiting(data: NewDocument, max: number): Promise<DocumentRow | null> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`uploads:${data.uploadedBy}`}))`;
      if ((await tx.document.count({ where: { uploadedBy: data.uploadedBy, nominationId: null } })) >= max) return null;
      return insert(tx, data);
    });
  }

  /** The caller's unattached uploads among `ids`, in the order given; a refusal names the first unusable one. */
  async waiting(uploadedBy: string, ids: readonly string[]): Promise<DocumentRow[] | DomainError> {
    const rows = await this.prisma.document.findMany({ where: { id: { in: [...ids] }, uploadedBy, nominationId: null } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const ordered: DocumentRow[] = [];
    for (const [index, id] of ids.entries()) {
      const row = byId.get(id);
      if (!row || ordered.includes(row)) return unusable(index);
      ordered.push(row);
    }
    return ordered;
  }

  /**
   * Attaches uploads to a nomination inside the caller's transaction, each as the next version of its
   * paper (the version it supersedes stays, no longer current). An upload attached meanwhile by another
   * request makes the whole transaction fail.
   */
  async attach(tx: Tx, nominationId: string, uploadedBy: string, ids: readonly string[], at = new Date()): Promise<void> {
    const attached = [];
    for (const [index, id] of ids.entries()) {
      const row = await tx.document.findFirst({ where: { id, uploadedBy, nominationId: null } });
      if (!row) throw new AttachRefused(unusable(index));
      const chain = versionChain(row.type, row.uploaderOrg, row.id);
      const latest = await tx.document.findFirst({ where: { nominationId, chain }, orderBy: { version: 'desc' } });
      if (latest) await tx.document.updateMany({ where: { nominationId, chain, current: true }, data: { current: false } });
      const claimed = await tx.document.updateMany({
        where: { id, nominationId: null },
        data: { nominationId, chain, version: (latest?.version ?? 0) + 1, current: true, attachedAt: at },
      });
      if (claimed.count !== 1) throw new AttachRefused(unusable(index));
      attached.push({ id, type: row.type, sha256: row.sha256, version: (latest?.version ?? 0) + 1 });
    }
    if (attached.length > 0) {
      await recordAudit(tx, { actor: uploadedBy, action: 'DOCUMENT_ATTACHED', subject: `nomination:${nominationId}`, details: { documents: attached } });
    }
  }

  /**
   * Attaches uploads read beforehand (`waiting`) to a nomination created in the same transaction: it has no
   * papers yet, so the versions follow from the uploads themselves, and each is claimed with one statement
   * instead of three. An upload attached meanwhile by another request claims nothing and fails the whole
   * transaction, as with `attach`.
   */
  async attachToNew(tx: Tx, nominationId: string, uploads: readonly DocumentRow[], at = new Date()): Promise<void> {
    const versions = firstVersions(uploads);
    const attached = [];
    for (const [index, upload] of uploads.entries()) {
      const { chain, version, current } = versions[index]!;
      const claimed = await tx.document.updateMany({
        where: { id: upload.id, uploadedBy: upload.uploadedBy, nominationId: null },
        data: { nominationId, chain, version, current, attachedAt: at },
      });
      if (claimed.count !== 1) throw new AttachRefused(unusable(index));
      attached.push({ id: upload.id, type: upload.type, sha256: upload.sha256, version });
    }
    if (attached.length > 0) {
      await recordAudit(tx, {
        actor: uploads[0]!.uploadedBy,
        action: 'DOCUMENT_ATTACHED',
        subject: `nomination:${nominationId}`,
        details: { documents: attached },
      });
    }
  }

  /** Attaches in a transaction of its own (a document added to a nomination under way). */
  attachNow(nominationId: string, uploadedBy: string, ids: readonly string[]): Promise<void> {
    return this.prisma.$transaction((tx) => this.attach(tx, nominationId, uploadedBy, ids));
  }

  forNomination(nominationId: string): Promise<DocumentRow[]> {
    return this.prisma.document.findMany({ where: { nominationId }, orderBy: [{ attachedAt: 'asc' }, { version: 'asc' }] });
  }

  /** Uploads never attached, older than `before`: the orphan sweep's work. */
  orphans(before: Date, take = 500): Promise<{ id: string }[]> {
    return this.prisma.document.findMany({ where: { nominationId: null, uploadedAt: { lt: before } }, select: { id: true }, take });
  }

  /** Deletes the row if it is still unattached; false when a submission took it first. */
  async deleteOrphan(id: string): Promise<boolean> {
    return (await this.prisma.document.deleteMany({ where: { id, nominationId: null } })).count === 1;
  }

  /** Which of `ids` have a row. */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    const rows = await this.prisma.document.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
    return new Set(rows.map((r) => r.id));
  }
}

/** Thrown inside a transaction so that everything it wrote is rolled back; carries the refusal. */
export class AttachRefused extends Error {
  constructor(readonly refusal: DomainError) {
    super(refusal.message);
  }
}
