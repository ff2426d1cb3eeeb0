import { PageQuery } from '@wmo/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'OPERATOR only: events of this organisation (default for others: their own).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'organisation must be an organisation id (UUID)' })
  organisation?: string;

  @ApiPropertyOptional({ example: 'user.created' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @Matches(/^[a-z.-]+$/, { message: 'action must look like user.created' })
  action?: string;
}

export class AuditEventDto {
  @ApiProperty({ example: '42' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorOrganisationId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorApiKeyId: string | null;

  @ApiProperty({ example: 'user.created' })
  action: string;

  @ApiProperty({ example: 'user' })
  entityType: string;

  @ApiProperty({ type: String, nullable: true })
  entityId: string | null;

  @ApiProperty({ type: Object, nullable: true })
  before: Record<string, unknown> | null;

  @ApiProperty({ type: Object, nullable: true })
  after: Record<string, unknown> | null;

  @ApiProperty({ type: String, nullable: true })
  requestId: string | null;

  @ApiProperty({ format: 'date-time' })
  occurredAt: string;
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] })
  items: AuditEventDto[];

  @ApiProperty()
  total: number;

  @ApiProperty()
  page: number;

  @ApiProperty()
  limit: number;
}
