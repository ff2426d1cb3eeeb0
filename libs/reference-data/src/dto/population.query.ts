import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsIsoDate } from '@wmo/common';

export class PopulationQuery {
  @ApiProperty({
    example: '2018-01-01',
    format: 'date',
    description: 'The reference date (peildatum) of the CBS figures: 1 January of a year with data.',
  })
  @IsIsoDate()
  referenceDate: string;

  @ApiPropertyOptional({
    example: '2019-01-01',
    format: 'date',
    description:
      'The day whose territory counts (the start of the billed period). Default: one year after referenceDate.',
  })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}
