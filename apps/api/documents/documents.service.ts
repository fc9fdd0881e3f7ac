import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { AttachRefused, DocumentRepository, type DocumentRow, type NewDocument } from '../../../libs/db/document.repository';
import { DOCUMENT_STORE, type DocumentStore } from '../../../libs/documents/document-store';
import { displayFileName } from '../../../libs/documents/file-name';
import { acceptedKind, MEDIA_TYPES } from '../../../libs/documents/media-type';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import type { Actor } from '../../../libs/domain/access-policy';
import { DOCUMENT_TYPE_CODES, type DocumentType } from '../../../libs/domain/document-types';
import { ApiError } from '../common/api-error';
import { NominationAccess } from '../nominations/nomination-access';
import { documentView, type DocumentView } from './document.view';
import { receiveUpload } from './multipart-upload';

const say = API_MESSAGES.upload;

/**
 * Dossier files: received as a stream, judged by their bytes, stored before the row that points to
 * them is committed (a crash in between leaves a file the sweep removes, never a row without a file).
 */
@Injectable()
export class DocumentsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    private readonly documents: DocumentRepository,
    private readonly access: NominationAccess,
  ) {}

  /** A clerk's upload, waiting to be named in a submission or resubmission. */
  async upload(actor: Actor, req: IncomingMessage): Promise<DocumentView> {
    const max = this.config.DOCUMENT_MAX_WAITING;
    // Refused before the bytes are read when the cap is already reached; the insert enforces it under concurrency.
    if ((await this.documents.countWaiting(actor.username)) >= max) throw this.tooManyWaiting();
    const row = await this.receive(actor, req, (data) => this.documents.createWaiting(data, max));
    if (!row) throw this.tooManyWaiting();
    return documentView(row);
  }

  /** A document added to a nomination under way: by the reviewer of its current level, or its clerk while it is returned. */
  async addTo(actor: Actor, nominationId: string, req: IncomingMessage): Promise<DocumentView> {
    const record = await this.access.visible(actor, nominationId);
    await this.access.checkMayAddDocument(actor, record);
    if ((await this.documents.countForNomination(record.id)) >= this.config.DOCUMENT_MAX_PER_NOMINATION) {
      throw this.tooMany(say.nominationFull(this.config.DOCUMENT_MAX_PER_NOMINATION));
    }
    const row = await this.receive(actor, req, (data) => this.documents.create(data));
    try {
      await this.documents.attachNow(record.id, actor.username, [row.id]);
    } catch (error) {
      if (error instanceof AttachRefused) throw ApiError.from(error.refusal);
      throw error;
    }
    const attached = await this.documents.findById(row.id);
    return documentView(attached ?? row);
  }

  /** The bytes of a document the caller may see; 404 for everyone else, whatever the id. */
  async content(actor: Actor, id: string): Promise<{ row: DocumentRow; body: Readable }> {
    const row = await this.documents.findById(id);
    if (!row) throw ApiError.notFound('document');
    if (row.nominationId) {
      await this.access.visible(actor, row.nominationId).catch(() => {
        throw ApiError.notFound('document');
      });
    } else if (row.uploadedBy !== actor.username) {
      throw ApiError.notFound('document');
    }
    const body = await this.store.get(row.id);
    if (!body) throw new ApiError('INTERNAL', say.fileMissingFromStore);
    return { row, body };
  }

  /** Receives the upload, stores its file, and records it with `record`; null (the file removed again) when `record` refused it. */
  private async receive<Row extends DocumentRow | null>(actor: Actor, req: IncomingMessage, record: (data: NewDocument) => Promise<Row>): Promise<Row> {
    const upload = await receiveUpload(req, this.config.DOCUMENT_MAX_BYTES);
    const { file } = upload;
    try {
      if (file.tooLarge) {
        const max = this.config.DOCUMENT_MAX_BYTES;
        throw new ApiError('PAYLOAD_TOO_LARGE', say.fileTooLarge(max), [{ path: 'file', message: say.fileSizeLimit(max) }]);
      }
      const type = upload.fields.type;
      if (!type || !(DOCUMENT_TYPE_CODES as readonly string[]).includes(type)) {
        throw new ApiError('VALIDATION_FAILED', say.unknownType, [{ path: 'type', message: say.typeOneOf(DOCUMENT_TYPE_CODES) }]);
      }
      if (file.size === 0) throw new ApiError('VALIDATION_FAILED', say.emptyFile, [{ path: 'file', message: say.emptyFileDetail }]);
      const fileName = displayFileName(upload.fileName);
      const kind = acceptedKind(file.head, fileName, upload.mimeType);
      if (!kind) {
        throw new ApiError('UNSUPPORTED_MEDIA_TYPE', say.unsupportedFile, [{ path: 'file', message: say.unsupportedFileDetail }]);
      }
      const id = randomUUID();
      const mediaType = MEDIA_TYPES[kind];
      await this.store.put(id, file.path, file.size, mediaType);
      const removeFile = () => this.store.delete(id).catch(() => undefined);
      try {
        const row = await record({
          id,
          type: type as DocumentType,
          fileName,
          mediaType,
          size: file.size,
          sha256: file.sha256,
          uploadedBy: actor.username,
          uploaderOrg: actor.orgCode,
        });
        if (!row) await removeFile();
        return row;
      } catch (error) {
        // Best effort: should this delete fail too, the sweep finds a file no row points to.
        await removeFile();
        throw error;
      }
    } finally {
      await file.discard();
    }
  }

  private tooManyWaiting(): ApiError {
    return new ApiError('PAYLOAD_TOO_LARGE', say.tooManyWaiting, [{ path: 'file', message: say.waitingLimit(this.config.DOCUMENT_MAX_WAITING) }]);
  }

  private tooMany(message: string): ApiError {
    return new ApiError('PAYLOAD_TOO_LARGE', message, [{ path: 'file', message: say.documentsLimit(this.config.DOCUMENT_MAX_PER_NOMINATION) }]);
  }
}
