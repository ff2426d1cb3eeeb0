import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '@wmo/common';

export class PopulationQuery {
  /** The reference date (peildatum) of the CBS figures: 1 January of a year with data. */
  @ApiProperty({ example: '2018-01-01', format: 'date' })
  @IsIsoDate()
  referenceDate: string;

  /** The day whose territory counts (the start of the billed period). Default: one year after referenceDate. */
  @ApiPropertyOptional({ example: '2019-01-01', format: 'date' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
