import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { catalogueAt } from '../../../libs/domain/award-catalogue';
import { DOCUMENT_TYPES } from '../../../libs/domain/document-types';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { awardsResponse, documentTypesResponse } from '../../../libs/domain/nomination-responses';
import { Authenticated } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';

@ApiTags('dossiers')
@Controller()
export class CatalogueController {
  @Authenticated()
  @Get('document-types')
  @ApiRoute({ response: documentTypesResponse })
  documentTypes() {
    return Object.entries(DOCUMENT_TYPES).map(([code, name]) => ({ code, name }));
  }

  /** The awards of the catalogue in force today, with the papers each dossier must and may hold. */
  @Authenticated()
  @Get('awards')
  @ApiRoute({ response: awardsResponse })
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
