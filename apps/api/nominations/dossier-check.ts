import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../../libs/config/config';
import { DocumentRepository, type DocumentRow } from '../../../libs/db/document.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import type { AwardDefinition } from '../../../libs/domain/award-catalogue';
import { dossierIncomplete, missingDocuments, type DossierDocument } from '../../../libs/domain/dossier';
import { ApiError } from '../common/api-error';

/** The documents named in a submission or a resubmission, checked before anything is written. */
@Injectable()
export class DossierCheck {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentRepository,
  ) {}

  /**
   * The uploads named are the caller's own and still unattached, they fit the nomination's limit, and
   * with the current documents they cover every type the award requires. Resolves to the uploads, in order.
   */
  async check(actor: Actor, award: AwardDefinition, current: readonly DossierDocument[], ids: readonly string[]): Promise<DocumentRow[]> {
    if (current.length + ids.length > this.config.DOCUMENT_MAX_PER_NOMINATION) {
      throw new ApiError('PAYLOAD_TOO_LARGE', `Một hồ sơ có tối đa ${this.config.DOCUMENT_MAX_PER_NOMINATION} tài liệu`, [
        { path: 'documents', message: `at most ${this.config.DOCUMENT_MAX_PER_NOMINATION} documents` },
      ]);
    }
    const uploads = await this.documents.waiting(actor.username, ids);
    if (!Array.isArray(uploads)) throw ApiError.from(uploads);
    const incomplete = dossierIncomplete(missingDocuments(award.requiredDocuments, [...current, ...uploads.map((u) => ({ type: u.type, current: true }))]));
    if (incomplete) throw ApiError.from(incomplete);
    return uploads;
  }
}
