import { Controller, Get, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { contentDisposition } from '../../../libs/documents/file-name';
import type { Actor } from '../../../libs/domain/access-policy';
import { DOCUMENT_TYPE_CODES } from '../../../libs/domain/document-types';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { documentResponse, dossierDocumentResponse } from '../../../libs/domain/nomination-responses';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams, type RouteDoc } from '../common/openapi';
import { DocumentsService } from './documents.service';

const documentId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('document') });
const nominationId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound() });

const UPLOAD: RouteDoc['bodyForm'] = {
  mediaType: 'multipart/form-data',
  schema: {
    type: 'object',
    required: ['type', 'file'],
    properties: { type: { type: 'string', enum: [...DOCUMENT_TYPE_CODES] }, file: { type: 'string', format: 'binary' } },
  },
};

@ApiTags('dossiers')
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Authenticated({ roles: ['CLERK'] })
  @Post('documents')
  @ApiRoute({
    id: 'uploadDocument',
    summary: 'Upload a dossier document (clerks)',
    description:
      "A multipart/form-data upload of `type` and `file`: PDF, DOCX, XLSX, JPEG or PNG, decided from the bytes (415 otherwise), at most DOCUMENT_MAX_BYTES (413). Its id goes into a submission's `documents`; unattached, it is deleted after DOCUMENT_ORPHAN_TTL. Clerks only.",
    bodyForm: UPLOAD,
    status: 201,
    response: documentResponse,
    errors: [403],
  })
  upload(@CurrentActor() actor: Actor, @Req() req: Request) {
    return this.documents.upload(actor, req);
  }

  // The reviewer of the current level (or a deputy or assignee of it), or the clerk while the nomination is returned.
  @Authenticated({ roles: ['CLERK', 'REVIEWER', 'STAFF', 'COUNCIL_MEMBER'] })
  @Post('nominations/:id/documents')
  @ApiRoute({
    id: 'addNominationDocument',
    summary: "Add a document to a nomination's dossier",
    description:
      'The reviewer of the current level adds a document of their own, or the clerk while RETURNED; a type already present gets a new version. Multipart as for uploads.',
    params: uuidParams,
    bodyForm: UPLOAD,
    status: 201,
    response: dossierDocumentResponse,
    errors: [403, 404, 409],
  })
  addTo(@CurrentActor() actor: Actor, @Param('id', nominationId) id: string, @Req() req: Request) {
    return this.documents.addTo(actor, id, req);
  }

  @Authenticated()
  @Get('documents/:id/content')
  @ApiRoute({
    id: 'downloadDocument',
    summary: "Download a document's content",
    description:
      'The bytes with their media type and Content-Disposition; 404 for anyone who may not see the nomination (or, unattached, anyone but its uploader).',
    params: uuidParams,
    file: 'application/octet-stream',
    errors: [404],
  })
  async content(@CurrentActor() actor: Actor, @Param('id', documentId) id: string, @Res() res: Response): Promise<void> {
    const { row, body } = await this.documents.content(actor, id);
    res.status(200);
    res.setHeader('Content-Type', row.mediaType);
    res.setHeader('Content-Length', String(row.size));
    res.setHeader('Content-Disposition', contentDisposition(row.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    body.on('error', () => res.destroy());
    body.pipe(res);
  }
}
