import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { catalogueAt } from '../../../libs/domain/award-catalogue';
import { DOCUMENT_TYPES } from '../../../libs/domain/document-types';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { Authenticated } from '../auth/auth.guard';

@ApiTags('dossiers')
@Controller()
export class CatalogueController {
  @Authenticated()
  @Get('document-types')
  documentTypes() {
    return Object.entries(DOCUMENT_TYPES).map(([code, name]) => ({ code, name }));
  }

  /** The awards of the catalogue in force today, with the papers each dossier must and may hold. */
  @Authenticated()
  @Get('awards')
  awards() {
    return catalogueAt(hanoiDay(new Date())).awards.map((a) => ({
      code: a.code,
      name: a.nameVi,
      route: [...a.route],
      nomineeKinds: [...a.nomineeKinds],
      requiredDocuments: [...a.requiredDocuments],
      optionalDocuments: [...a.optionalDocuments],
    }));
  }
}
