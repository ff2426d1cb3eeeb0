import { ApiProperty } from '@nestjs/swagger';
import { TERRITORIAL_CHANGE_RELATIONS, TerritorialChangeRelation } from '@wmo/domain';

export class MunicipalitySummaryDto {
  @ApiProperty({ example: 'GM0106' })
  code: string;

  @ApiProperty({ example: 'Assen' })
  name: string;

  @ApiProperty({ example: 'PV22' })
  provinceCode: string;

  @ApiProperty({ example: 'Drenthe' })
  provinceName: string;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description: 'First day the code existed; null when it existed before 2014-01-01, where the reference data begins.',
  })
  validFrom: string | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: null,
    description: 'Last day the code existed; null while it exists.',
  })
  validTo: string | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 68998,
    description: 'CBS population on `populationReferenceDate`.',
  })
  population: number | null;

  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2024-01-01',
    description: '1 January of the requested year, or of the latest year with a CBS figure before it.',
  })
  populationReferenceDate: string | null;
}

export class MunicipalityPageDto {
  @ApiProperty({ type: [MunicipalitySummaryDto] })
  items: MunicipalitySummaryDto[];

  @ApiProperty({ example: 342 })
  total: number;

  @ApiProperty({ example: 1 })
  page: number;

  @ApiProperty({ example: 50 })
  limit: number;

  @ApiProperty({ example: 2024, description: 'The year whose 1 January the list describes.' })
  year: number;
}

export class PopulationPointDto {
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  referenceDate: string;

  @ApiProperty({ example: 68998 })
  inhabitants: number;
}

export class MunicipalChangeLinkDto {
  @ApiProperty({ example: 'GM0053', description: 'The other municipality of the change.' })
  code: string;

  @ApiProperty({ example: 'Winsum' })
  name: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  effectiveDate: string;

  @ApiProperty({ enum: TERRITORIAL_CHANGE_RELATIONS, example: 'SPLIT_PART' })
  relation: TerritorialChangeRelation;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 0.877,
    description: "Share of the old municipality's addresses that moved; null when unknown.",
  })
  share: number | null;

  @ApiProperty({ type: String, nullable: true })
  notes: string | null;
}

export class MunicipalityDetailDto extends MunicipalitySummaryDto {
  @ApiProperty({
    type: [PopulationPointDto],
    description: 'CBS population on 1 January of every year the municipality existed.',
  })
  populationHistory: PopulationPointDto[];

  @ApiProperty({ type: [MunicipalChangeLinkDto], description: 'Municipalities that (partly) went into this one.' })
  predecessors: MunicipalChangeLinkDto[];

  @ApiProperty({ type: [MunicipalChangeLinkDto], description: 'Municipalities this one (partly) went into.' })
  successors: MunicipalChangeLinkDto[];
}

export class PopulationComponentDto {
  @ApiProperty({ example: 'GM0053' })
  code: string;

  @ApiProperty({ example: 'Winsum' })
  name: string;

  @ApiProperty({ example: 13781, description: 'The CBS figure of this municipality on the reference date.' })
  referenceInhabitants: number;

  @ApiProperty({
    example: 0.877,
    description: 'The part of that figure in the territory (product of the address shares).',
  })
  share: number;

  @ApiProperty({ example: 12086, description: 'referenceInhabitants x share, rounded half up.' })
  inhabitants: number;

  @ApiProperty({ example: false })
  approximate: boolean;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}

export class TerritoryPopulationDto {
  @ApiProperty({ example: 'GM1966' })
  code: string;

  @ApiProperty({ example: 'Het Hogeland' })
  name: string;

  @ApiProperty({
    example: 47897,
    description: 'Inhabitants on referenceDate of the territory that forms the municipality on asOf.',
  })
  inhabitants: number;

  @ApiProperty({ format: 'date', example: '2018-01-01' })
  referenceDate: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  asOf: string;

  @ApiProperty({
    example: false,
    description: 'True when part of the territory came from a split with no known address share.',
  })
  approximate: boolean;

  @ApiProperty({ type: [String], description: 'Why the figure is approximate.' })
  notes: string[];

  @ApiProperty({ type: [PopulationComponentDto] })
  components: PopulationComponentDto[];
}

export class ProvinceDto {
  @ApiProperty({ example: 'PV22' })
  code: string;

  @ApiProperty({ example: 22 })
  codeNumber: number;

  @ApiProperty({ example: 'Drenthe' })
  name: string;

  @ApiProperty({ type: String, nullable: true, example: null })
  altName: string | null;
}
