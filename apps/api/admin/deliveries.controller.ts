import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../../../libs/domain/access-policy';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { deliveryResponse } from '../../../libs/domain/admin-responses';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';
import { DeliveriesService } from './deliveries.service';

const deliveryId = new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('delivery') });

@ApiTags('admin')
@Controller('admin/deliveries')
export class DeliveriesController {
  constructor(private readonly deliveries: DeliveriesService) {}

  @Authenticated({ roles: ['ADMIN'] })
  @Post(':id/retry')
  @HttpCode(200)
  @ApiRoute({
    id: 'retryDelivery',
    summary: 'Retry a failed email delivery (admins)',
    description: 'Puts an email the outbox gave up on back in line to be sent. 409 unless it failed. Admins only.',
    params: uuidParams,
    response: deliveryResponse,
    errors: [403, 404, 409],
  })
  retry(@CurrentActor() actor: Actor, @Param('id', deliveryId) id: string) {
    return this.deliveries.retry(actor, id);
  }
}
