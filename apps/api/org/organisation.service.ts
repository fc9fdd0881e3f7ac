import { Injectable, Logger } from '@nestjs/common';
import { importOrganisation, importUsers, type OrganisationImported, type Outcome } from '../../../libs/db/organisation-import';
import { OrgRepository } from '../../../libs/db/org.repository';
import { PrismaService } from '../../../libs/db/prisma.service';
import type { ErrorDetail } from '../../../libs/domain/errors';
import { parseUsersCsv } from '../../../libs/domain/organisation-users-csv';
import { ApiError } from '../common/api-error';

/** The organisation import over HTTP: the shared import, its refusals as 400s, and this process's chart read afresh. */
@Injectable()
export class OrganisationService {
  private readonly logger = new Logger(OrganisationService.name);

  constructor(
    private readonly prisma: PrismaService,
    private readonly orgs: OrgRepository,
  ) {}

  read() {
    return this.orgs.organisation();
  }

  async replace(document: unknown, admin: string): Promise<OrganisationImported> {
    const imported = this.applied(await importOrganisation(this.prisma, document, admin), 'Tệp tổ chức');
    const { deactivated } = imported;
    this.logger.log(
      `organisation imported by ${admin}: ${imported.orgs} organisations, ${imported.users} users; deactivated ${deactivated.orgs.length} organisations, ${deactivated.users.length} users`,
    );
    return imported;
  }

  async importCsv(text: string, admin: string): Promise<{ imported: number }> {
    const { lines, errors } = parseUsersCsv(text);
    if (errors.length > 0) throw refused('Tệp người dùng', errors);
    const imported = this.applied(await importUsers(this.prisma, lines, admin), 'Tệp người dùng');
    this.logger.log(`users imported by ${admin}: ${imported.imported} added or updated`);
    return imported;
  }

  private applied<T>(outcome: Outcome<T>, what: string): T {
    if (!outcome.ok) throw refused(what, outcome.problems);
    this.orgs.forget();
    return outcome.value;
  }
}

const refused = (what: string, problems: ErrorDetail[]) =>
  new ApiError('VALIDATION_FAILED', `${what} có ${problems.length} lỗi; chưa có gì được nhập.`, problems);
