import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import {
  CreatedWebhookDto,
  CreateWebhookDto,
  ListNotificationsQuery,
  ListWebhookDeliveriesQuery,
  NotificationDto,
  NotificationIdParam,
  NotificationPageDto,
  WebhookDeliveryPageDto,
  WebhookDto,
  WebhookIdParam,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';
import { WebhooksService } from './webhooks.service';

@ApiTags('Notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @RouteRoles('GET /api/v1/notifications')
  @ApiOperation({
    summary:
      'Your notifications: coverage ending within 90 days, a municipality becoming non-compliant, an invoice overdue',
    description:
      "Your organisation's, for your roles, newest first, with your read marks. Written by the daily evaluation.",
  })
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiProblemResponses(400)
  list(@Query() query: ListNotificationsQuery): Promise<NotificationPageDto> {
    return this.notifications.list(query);
  }

  @Post(':id/read')
  @RouteRoles('POST /api/v1/notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a notification read (for you)' })
  @ApiOkResponse({ type: NotificationDto })
  @ApiProblemResponses(400, 404, [422, 'An API key has no read marks.'])
  markRead(@Param() { id }: NotificationIdParam, @Query() _query: NoQueryParams): Promise<NotificationDto> {
    return this.notifications.markRead(id);
  }
}

@ApiTags('Notifications')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Get()
  @RouteRoles('GET /api/v1/webhooks')
  @ApiOperation({ summary: "Your organisation's webhooks (without their secrets)" })
  @ApiOkResponse({ type: [WebhookDto] })
  @ApiProblemResponses(400)
  list(@Query() _query: NoQueryParams): Promise<WebhookDto[]> {
    return this.webhooks.list();
  }

  @Post()
  @RouteRoles('POST /api/v1/webhooks')
  @ApiOperation({
    summary: 'Register a webhook for obligation.changed, invoice.issued and/or invoice.overdue',
    description:
      'Each event is POSTed as JSON { type, timestamp, data } with the headers webhook-id, webhook-timestamp and webhook-signature ' +
      '(Standard Webhooks, HMAC-SHA256 with the secret returned here, once). A failed delivery (no 2xx within 10 s) is retried with exponential backoff.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  @ApiProblemResponses(400)
  create(@Body() dto: CreateWebhookDto): Promise<CreatedWebhookDto> {
    return this.webhooks.create(dto);
  }

  @Delete(':id')
  @RouteRoles('DELETE /api/v1/webhooks/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook', description: 'No further deliveries; pending ones are not sent.' })
  @ApiNoContentResponse({ description: 'Removed.' })
  @ApiProblemResponses(400, 404)
  async remove(@Param() { id }: WebhookIdParam): Promise<void> {
    await this.webhooks.remove(id);
  }

  @Get(':id/deliveries')
  @RouteRoles('GET /api/v1/webhooks/:id/deliveries')
  @ApiOperation({ summary: "A webhook's deliveries, newest first, with their status and attempts" })
  @ApiOkResponse({ type: WebhookDeliveryPageDto })
  @ApiProblemResponses(400, 404)
  deliveries(
    @Param() { id }: WebhookIdParam,
    @Query() query: ListWebhookDeliveriesQuery,
  ): Promise<WebhookDeliveryPageDto> {
    return this.webhooks.deliveries(id, query);
  }
}
