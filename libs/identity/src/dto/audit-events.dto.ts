import { EntityId, PageQuery } from '@wmo/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ListAuditEventsQuery extends PageQuery {
  /** OPERATOR only: events of this organisation (default for others: their own). */
  @EntityId('an organisation id', { optional: true })
  organisation?: string;

  @ApiPropertyOptional({ example: 'user.created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z.-]+$/, { message: 'action must look like user.created' })
  action?: string;
}

export class AuditEventDto {
  /** @example '42' */
  id: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string | null;

  @ApiProperty({ format: 'uuid' })
  actorOrganisationId: string | null;

  @ApiProperty({ format: 'uuid' })
  actorUserId: string | null;

  @ApiProperty({ format: 'uuid' })
  actorApiKeyId: string | null;

  /** @example 'user.created' */
  action: string;

  /** @example 'user' */
  entityType: string;

  entityId: string | null;

  before: Record<string, unknown> | null;

  after: Record<string, unknown> | null;

  requestId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class AuditEventPageDto {
  items: AuditEventDto[];

  total: number;

  page: number;

  limit: number;
}
