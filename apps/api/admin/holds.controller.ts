import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HoldRepository, type HoldView } from '../../../libs/db/hold.repository';
import { OrgRepository } from '../../../libs/db/org.repository';
import { isUnitKind, type Actor } from '../../../libs/domain/access-policy';
import { holdListResponse, holdResponse } from '../../../libs/domain/admin-responses';
import { holdSchema, type HoldInput } from '../../../libs/domain/admin-schemas';
import { hanoiDay } from '../../../libs/domain/hanoi-time';
import { API_MESSAGES } from '../../../libs/domain/api-messages';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { ZodPipe } from '../common/zod.pipe';
import { HoldSuspensions } from './hold-suspensions';

const holdId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('hold') });

type NamedHold = HoldView & { unitName: string };

@ApiTags('review rules')
@Controller('admin/holds')
export class HoldsController {
  constructor(
    private readonly holds: HoldRepository,
    private readonly orgs: OrgRepository,
    private readonly suspensions: HoldSuspensions,
  ) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Get()
  @ApiRoute({
    id: 'listHolds',
    summary: 'List the holds on nominees (admins)',
    description: 'The holds (tạm dừng xét khen thưởng) in force or ended, with their reasons. Admins only.',
    response: holdListResponse,
    errors: [403],
  })
  async list(): Promise<{ items: NamedHold[] }> {
    const [holds, tree] = await Promise.all([this.holds.list(), this.orgs.tree()]);
    return { items: holds.map((hold) => ({ ...hold, unitName: tree.nameOf(hold.unitCode) })) };
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Post()
  @ApiRoute({
    id: 'placeHold',
    summary: 'Put a nominee on hold (admins)',
    description:
      'A nominee (full name and unit) on hold until a date: their submissions are refused with 422 NOT_ELIGIBLE (criterion ON_HOLD), and a nomination of theirs in review is suspended (its decisions 409 ON_HOLD). Admins only.',
    body: holdSchema,
    status: 201,
    response: holdResponse,
    errors: [403],
    example: { body: { fullName: 'Trần Văn Bình', unitCode: 'U1', reason: 'Đang bị xem xét kỷ luật', until: '2026-12-31' } },
  })
  async create(@CurrentActor() actor: Actor, @Body(new ZodPipe(holdSchema)) body: HoldInput): Promise<NamedHold> {
    const tree = await this.orgs.activeTree();
    // A hold under a mistyped or closed unit or an elapsed date would silently hold no one.
    if (!isUnitKind(tree.get(body.unitCode)?.kind)) {
      throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.unitUnknown, [{ path: 'unitCode', message: API_MESSAGES.admin.notAUnit(body.unitCode) }]);
    }
    if (body.until < hanoiDay(new Date())) {
      throw new ApiError('VALIDATION_FAILED', API_MESSAGES.admin.holdElapsed, [{ path: 'until', message: API_MESSAGES.admin.fromTodayOn }]);
    }
    const hold = await this.holds.create({ ...body, createdBy: actor.username });
    await this.suspensions.suspend(hold, actor.username);
    return { ...hold, unitName: tree.nameOf(hold.unitCode) };
  }

  @Authenticated({ roles: ['ADMIN'] })
  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({
    id: 'liftHold',
    summary: 'Lift a hold (admins)',
    description: 'Ends the hold now; a nomination it suspended resumes its review. Admins only.',
    params: uuidParams,
    status: 204,
    errors: [403, 404],
  })
  async lift(@CurrentActor() actor: Actor, @Param('id', holdId) id: string): Promise<void> {
    const hold = await this.holds.end(id, actor.username);
    if (!hold) throw ApiError.notFound('hold');
    await this.suspensions.lift(hold, actor.username);
  }
}
