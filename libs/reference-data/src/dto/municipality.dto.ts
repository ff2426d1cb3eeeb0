import { ApiProperty } from '@nestjs/swagger';
import { TERRITORIAL_CHANGE_RELATIONS, TerritorialChangeRelation } from '@wmo/domain';

export class MunicipalitySummaryDto {
  /** @example 'GM0106' */
  code: string;

  /** @example 'Assen' */
  name: string;

  /** @example 'PV22' */
  provinceCode: string;

  /** @example 'Drenthe' */
  provinceName: string;

  /** First day the code existed; null when it existed before 2014-01-01, where the reference data begins. */
  @ApiProperty({ format: 'date', example: null })
  validFrom: string | null;

  /** Last day the code existed; null while it exists. */
  @ApiProperty({ format: 'date', example: null })
  validTo: string | null;

  /** CBS population on `populationReferenceDate`. @example 68998 */
  population: number | null;

  /** 1 January of the requested year, or of the latest year with a CBS figure before it. */
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  populationReferenceDate: string | null;
}

export class MunicipalityPageDto {
  items: MunicipalitySummaryDto[];

  /** @example 342 */
  total: number;

  /** @example 1 */
  page: number;

  /** @example 50 */
  limit: number;

  /** The year whose 1 January the list describes. @example 2024 */
  year: number;
}

export class PopulationPointDto {
  @ApiProperty({ format: 'date', example: '2024-01-01' })
  referenceDate: string;

  /** @example 68998 */
  inhabitants: number;
}

export class MunicipalChangeLinkDto {
  /** The other municipality of the change. @example 'GM0053' */
  code: string;

  /** @example 'Winsum' */
  name: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  effectiveDate: string;

  @ApiProperty({ enum: TERRITORIAL_CHANGE_RELATIONS, example: 'SPLIT_PART' })
  relation: TerritorialChangeRelation;

  /** Share of the old municipality's addresses that moved; null when unknown. @example 0.877 */
  share: number | null;

  notes: string | null;
}

export class MunicipalityDetailDto extends MunicipalitySummaryDto {
  /** CBS population on 1 January of every year the municipality existed. */
  populationHistory: PopulationPointDto[];

  /** Municipalities that (partly) went into this one. */
  predecessors: MunicipalChangeLinkDto[];

  /** Municipalities this one (partly) went into. */
  successors: MunicipalChangeLinkDto[];
}

export class PopulationComponentDto {
  /** @example 'GM0053' */
  code: string;

  /** @example 'Winsum' */
  name: string;

  /** The CBS figure of this municipality on the reference date. @example 13781 */
  referenceInhabitants: number;

  /** The part of that figure in the territory (product of the address shares). @example 0.877 */
  share: number;

  /** referenceInhabitants x share, rounded half up. @example 12086 */
  inhabitants: number;

  /** @example false */
  approximate: boolean;

  note: string | null;
}

export class TerritoryPopulationDto {
  /** @example 'GM1966' */
  code: string;

  /** @example 'Het Hogeland' */
  name: string;

  /** Inhabitants on referenceDate of the territory that forms the municipality on asOf. @example 47897 */
  inhabitants: number;

  @ApiProperty({ format: 'date', example: '2018-01-01' })
  referenceDate: string;

  @ApiProperty({ format: 'date', example: '2019-01-01' })
  asOf: string;

  /** True when part of the territory came from a split with no known address share. @example false */
  approximate: boolean;

  /** Why the figure is approximate. */
  notes: string[];

  components: PopulationComponentDto[];
}

export class ProvinceDto {
  /** @example 'PV22' */
  code: string;

  /** @example 22 */
  codeNumber: number;

  /** @example 'Drenthe' */
  name: string;

  @ApiProperty({ example: null })
  altName: string | null;
}
