import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditRepository } from '../../../libs/db/audit.repository';
import { auditPageResponse, auditVerifyResponse } from '../../../libs/domain/admin-responses';
import { auditQuerySchema, type AuditQuery } from '../../../libs/domain/admin-schemas';
import { Authenticated } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';

/** The audit trail: every change, newest first, and a check that the stored chain was not altered. */
@ApiTags('audit')
@Controller('admin/audit')
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  @ApiRoute({
    id: 'listAuditEvents',
    summary: 'Read the audit trail (admins)',
    description:
      'The audit events (nhật ký) of every change a person made, filtered by subject, actor, action and dates, newest first, a page at a time. Admins only.',
    query: auditQuerySchema,
    response: auditPageResponse,
    errors: [403],
  })
  async list(@Query(new ZodPipe(auditQuerySchema)) query: AuditQuery) {
    const { page, pageSize, ...filter } = query;
    const { items, total } = await this.audit.page(filter, { skip: (page - 1) * pageSize, take: pageSize });
    return { items, total, page, pageSize };
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Get('verify')
  @ApiRoute({
    id: 'verifyAuditTrail',
    summary: "Verify the audit trail's hash chain (admins)",
    description:
      'Recomputes the SHA-256 chain over every stored event: ok with the count, or the first event where an edit, deletion or insertion broke it. Admins only.',
    response: auditVerifyResponse,
    errors: [403],
  })
  verify() {
    return this.audit.verify();
  }
}
