import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { OrgNode } from '../../../libs/domain/access-policy';
import { OrgRepository } from '../../../libs/db/org.repository';
import { orgUnitsResponse } from '../../../libs/domain/api-responses';
import { Authenticated } from '../auth/auth.guard';
import { ApiRoute } from '../common/openapi';

interface OrgTreeNode extends Omit<OrgNode, 'parentCode'> {
  parentCode: string | null;
  children: OrgTreeNode[];
}

@ApiTags('organisation')
@Controller('org')
export class OrgController {
  constructor(private readonly orgs: OrgRepository) {}

  @Authenticated()
  @Get('units')
  @ApiRoute({
    id: 'listOrgUnits',
    summary: 'Read the organisation tree',
    description: 'The organisations from the city down to the units, with codes and names.',
    response: orgUnitsResponse,
  })
  async units(): Promise<{ items: OrgTreeNode[] }> {
    // New work goes to the organisations the last import kept.
    const tree = await this.orgs.activeTree();
    const build = (node: OrgNode): OrgTreeNode => ({
      ...node,
      children: tree.nodes.filter((n) => n.parentCode === node.code).map(build),
    });
    return { items: tree.nodes.filter((n) => !n.parentCode).map(build) };
  }
}
