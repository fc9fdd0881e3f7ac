import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { OrgNode } from '../../../libs/domain/access-policy';
import { OrgRepository } from '../../../libs/db/org.repository';

interface OrgTreeNode extends Omit<OrgNode, 'parentCode'> {
  parentCode: string | null;
  children: OrgTreeNode[];
}

@ApiTags('operations')
@ApiBearerAuth()
@Controller('org')
export class OrgController {
  constructor(private readonly orgs: OrgRepository) {}

  @Get('units')
  async units(): Promise<{ items: OrgTreeNode[] }> {
    const tree = await this.orgs.tree();
    const build = (node: OrgNode): OrgTreeNode => ({
      ...node,
      children: tree.nodes.filter((n) => n.parentCode === node.code).map(build),
    });
    return { items: tree.nodes.filter((n) => !n.parentCode).map(build) };
  }
}
