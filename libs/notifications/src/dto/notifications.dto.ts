import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { EntityId, IsOptionalNotNull, OneOf, PageQuery, SortParam, SortValue, ToInteger } from '@wmo/common';
import {
  DELIVERY_STATUSES,
  DeliveryStatus,
  NOTIFICATION_KINDS,
  NotificationKind,
  WEBHOOK_EVENTS,
} from '../notifications.entities';

export class ListNotificationsQuery {
  /** true: only those you have not read. */
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'unread must be true or false' })
  unread?: 'true' | 'false';

  /** Only notifications of this kind. */
  @OneOf(NOTIFICATION_KINDS, { optional: true })
  kind?: NotificationKind;

  @SortParam(['createdAt'], '-createdAt')
  sort: SortValue<'createdAt'> = '-createdAt';

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'page must be a whole number from 1' })
  @Min(1, { message: 'page must be a whole number from 1' })
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit: number = 50;
}

export class NotificationIdParam {
  @EntityId('a notification id')
  id: string;
}

export class ListWebhookDeliveriesQuery extends PageQuery {
  /** Only deliveries in this state. */
  @OneOf(DELIVERY_STATUSES, { optional: true })
  status?: DeliveryStatus;
}

export class WebhookIdParam {
  @EntityId('a webhook id')
  id: string;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind: string;

  /** @example 'Dekking luisterend oor Assen eindigt op 30-06-2025' */
  title: string;

  /** @example 'De dekking door VNG-SEN-2018 eindigt op 30-06-2025 en er is geen opvolgend contract.' */
  message: string;

  /** @example 'GM0106' */
  municipalityCode: string | null;

  /** What it is about: obligation (a duty of a municipality) or invoice. @example 'obligation' */
  subjectType: string;

  /** The duty code, or the document id. @example 'WMO2015_2_2_4_1B' */
  subjectId: string;

  /** The facts behind it, for software. */
  data: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  /** When you read it. */
  @ApiProperty({ format: 'date-time' })
  readAt: string | null;
}

export class NotificationPageDto {
  items: NotificationDto[];

  /** @example 3 */
  total: number;

  /** Of all of yours, not read yet. @example 2 */
  unread: number;

  /** @example 1 */
  page: number;

  /** @example 50 */
  limit: number;
}

export class CreateWebhookDto {
  /** https (http only outside production). */
  @ApiProperty({ example: 'https://erp.assen.nl/hooks/luisterend-oor' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty({
    enum: WEBHOOK_EVENTS,
    isArray: true,
    example: ['obligation.changed', 'invoice.issued', 'invoice.overdue'],
  })
  @IsArray()
  @ArrayNotEmpty({ message: 'events must name at least one event' })
  @ArrayUnique({ message: 'events must not repeat an event' })
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each event must be one of ${WEBHOOK_EVENTS.join(', ')}` })
  events: string[];

  @ApiPropertyOptional({ example: 'Financieel systeem' })
  @IsOptionalNotNull()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class WebhookDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  /** @example 'https://erp.assen.nl/hooks/luisterend-oor' */
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true })
  events: string[];

  description: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  /** Shown once. Verify each delivery: webhook-signature = "v1," + base64(HMAC-SHA256(base64-decoded secret after whsec_, "{webhook-id}.{webhook-timestamp}.{body}")) (Standard Webhooks). @example 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw' */
  secret: string;
}

export class WebhookDeliveryDto {
  /** Also the webhook-id header: the same on every attempt. */
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS })
  event: string;

  @ApiProperty({ enum: DELIVERY_STATUSES })
  status: string;

  /** @example 1 */
  attempts: number;

  /** @example 200 */
  lastResponseStatus: number | null;

  lastError: string | null;

  /** The body sent: { type, timestamp, data }. */
  payload: Record<string, unknown>;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  deliveredAt: string | null;
}

export class WebhookDeliveryPageDto {
  /** Newest first. */
  items: WebhookDeliveryDto[];

  /** @example 1 */
  total: number;

  /** @example 1 */
  page: number;

  /** @example 50 */
  limit: number;
}
