import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { PageQuery, ToInteger, Trim } from '@wmo/common';
import { FIRST_DATA_YEAR, lastSupportedYear } from '../reference-years';

export const MUNICIPALITY_SORTS = ['name', 'code', 'population'] as const;

export class ListMunicipalitiesQuery extends PageQuery {
  @ApiPropertyOptional({
    example: 2024,
    description: `Municipalities existing on 1 January of this year (${FIRST_DATA_YEAR} up to next year). Default: the current year.`,
  })
  @IsOptional()
  @ToInteger()
  @IsInt({ message: 'year must be a whole year such as 2024' })
  @Min(FIRST_DATA_YEAR, {
    message: `year must be ${FIRST_DATA_YEAR} or later: the reference data begins on 1 January ${FIRST_DATA_YEAR}`,
  })
  @Max(lastSupportedYear(), { message: `year must be ${lastSupportedYear()} or earlier` })
  year?: number;

  /** Only municipalities in this province (CBS code PV20-PV31). */
  @ApiPropertyOptional({ example: 'PV22' })
  @IsOptional()
  @Matches(/^PV\d{2}$/, { message: 'province must be a CBS province code such as PV22' })
  province?: string;

  /** Search in name or code (case-insensitive). */
  @ApiPropertyOptional({ example: 'assen' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: MUNICIPALITY_SORTS, default: 'name' })
  @IsOptional()
  @IsIn(MUNICIPALITY_SORTS, { message: `sort must be one of ${MUNICIPALITY_SORTS.join(', ')}` })
  sort: (typeof MUNICIPALITY_SORTS)[number] = 'name';
}
