import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { CurrentActor } from '../auth/auth.guard';
import { ApiError } from '../common/api-error';
import { DeliveriesService } from './deliveries.service';

const deliveryId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('Delivery') });

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Post(':id/retry')
  @HttpCode(200)
  retry(@CurrentActor() actor: Actor, @Param('id', deliveryId) id: string) {
    if (actor.role !== 'ADMIN') throw ApiError.forbidden('Only an admin retries a delivery');
    return this.deliveries.retry(actor, id);
  }
}
