import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotificationRepository } from '../../../libs/db/notification.repository';
import type { Actor } from '../../../libs/domain/access-policy';
import { Authenticated, CurrentActor } from '../auth/auth.guard';
import { notificationListResponse } from '../../../libs/domain/api-responses';
import { ApiError } from '../common/api-error';
import { ApiRoute, uuidParams } from '../common/openapi';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationRepository) {}

  @Authenticated()
  @Get()
  @ApiRoute({
    id: 'listNotifications',
    summary: "List the caller's notifications",
    description: "The caller's in-app notifications, newest first: REVIEW_REQUESTED, DECIDED, RETURNED, REMINDER, OVERDUE and others.",
    response: notificationListResponse,
  })
  async list(@CurrentActor() actor: Actor) {
    const rows = await this.notifications.listFor(actor.username);
    return {
      items: rows.map((n) => ({
        id: n.id,
        kind: n.kind,
        nominationId: n.nominationId,
        title: n.title,
        body: n.body,
        createdAt: n.createdAt.toISOString(),
        readAt: n.readAt?.toISOString() ?? null,
      })),
    };
  }

  @Authenticated()
  @Post(':id/read')
  @HttpCode(204)
  @ApiRoute({
    id: 'markNotificationRead',
    summary: 'Mark a notification read',
    description: "Sets the notification's readAt; 404 if it is not the caller's.",
    params: uuidParams,
    status: 204,
    errors: [404],
  })
  async markRead(@CurrentActor() actor: Actor, @Param('id', new ParseUUIDPipe({ exceptionFactory: () => ApiError.notFound('notification') })) id: string) {
    if (!(await this.notifications.markRead(actor.username, id))) throw ApiError.notFound('notification');
  }
}
