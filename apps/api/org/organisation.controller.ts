import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { organisationDocumentSchema } from '../../../libs/domain/organisation-document';
import { organisationImportResponse, organisationResponse, usersImportResponse } from '../../../libs/domain/organisation-responses';
import { USERS_CSV_HEADER } from '../../../libs/domain/organisation-users-csv';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute } from '../common/openapi';
import { OrganisationService } from './organisation.service';

@ApiTags('organisation')
@Controller('admin/organisation')
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  @ApiRoute({
    id: 'getOrganisation',
    summary: 'Read the whole organisation (admins)',
    description: 'Every organisation and user, active or deactivated, in the shape the replace operation takes. Admins only.',
    response: organisationResponse,
    errors: [403],
  })
  read() {
    return this.organisation.read();
  }

  /** The body is read by the import itself, which reports the shape's problems and the rules' together. */
  @Authenticated({ roles: ['ADMIN'] })
  @Put()
  @ApiRoute({
    id: 'replaceOrganisation',
    summary: 'Replace the organisation (admins)',
    description:
      'The whole organisation in one document, validated as a whole and applied in one transaction, or refused with 400 listing every problem. What is left out is deactivated, never deleted. Sending it again changes nothing. Admins only.',
    body: organisationDocumentSchema,
    response: organisationImportResponse,
    errors: [403],
  })
  replace(@CurrentActor() actor: Actor, @Body() body: unknown) {
    return this.organisation.replace(body, actor.username);
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post('users.csv')
  @HttpCode(200)
  @ApiRoute({
    id: 'importUsers',
    summary: 'Add or update users from CSV (admins)',
    description:
      'A text/csv body with the header username,displayName,email,role,orgCode,councilSeat: adds or updates those users, removing none. Admins only.',
    bodyFile: { mediaType: 'text/csv', example: `${USERS_CSV_HEADER.join(',')}\nu4.clerk,Nguyễn Văn An,an@congthuong.hanoi.gov.vn,CLERK,U1,` },
    response: usersImportResponse,
    errors: [403],
  })
  importUsers(@CurrentActor() actor: Actor, @Body() body: unknown) {
    // Any other content type leaves the body parsed as an object, or not at all.
    if (typeof body !== 'string' || body.trim() === '') {
      throw new ApiError('VALIDATION_FAILED', 'Cần gửi tệp CSV', [{ path: 'body', message: 'nội dung phải là văn bản text/csv, không rỗng' }]);
    }
    return this.organisation.importCsv(body, actor.username);
  }
}
