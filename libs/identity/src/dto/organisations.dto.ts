import { OneOf, PageQuery } from '@wmo/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind } from '@wmo/tenancy';
import { OrganisationSummaryDto } from './auth.dto';

const CREATABLE_KINDS = ['ASSOCIATION', 'PROVIDER', 'OPERATOR'] as const;

export class CreateOrganisationDto {
  /** Municipalities get their organisation automatically from the reference data. */
  @OneOf(CREATABLE_KINDS)
  kind: (typeof CREATABLE_KINDS)[number];

  @ApiProperty({ example: 'De Kindertelefoon' })
  @IsString()
  @MinLength(2, { message: 'name must be at least 2 characters long' })
  @MaxLength(200)
  name: string;
}

export class ListOrganisationsQuery extends PageQuery {
  @OneOf(ORGANISATION_KINDS, { optional: true })
  kind?: OrganisationKind;
}

export class OrganisationDto extends OrganisationSummaryDto {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class OrganisationPageDto {
  items: OrganisationDto[];

  total: number;

  page: number;

  limit: number;
}
