import { EntityId, IsIsoDate, PageQuery, SearchParam, SortParam, SortValue } from '@wmo/common';
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

  /** Events by this user or API key. */
  @EntityId('a user or API key id', { optional: true })
  actor?: string;

  /** Events on or after this day (Amsterdam time). */
  @ApiPropertyOptional({ format: 'date', example: '2026-01-01' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  /** Events on or before this day (Amsterdam time). */
  @ApiPropertyOptional({ format: 'date', example: '2026-12-31' })
  @IsOptional()
  @IsIsoDate()
  to?: string;

  @SearchParam("the action, the actor's name or e-mail address, and the subject (its type and id)")
  q?: string;

  @SortParam(['occurredAt'], '-occurredAt')
  sort: SortValue<'occurredAt'> = '-occurredAt';
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

  /** The acting user's name and e-mail address, or the API key's name; null when you cannot see it (an operator acting for you). @example 'Beheerder Assen (admin@assen.nl)' */
  actorName: string | null;

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
