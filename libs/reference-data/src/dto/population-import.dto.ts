import { ApiProperty } from '@nestjs/swagger';
import { BillingImpactDto } from '../billing-impact';

export class PopulationChangeDto {
  /** @example 'GM0106' */
  code: string;

  /** @example 'Assen' */
  name: string;

  /** The figure is for 1 January of this year. @example 2025 */
  year: number;

  /** The figure loaded before; null when there was none. @example 69000 */
  previous: number | null;

  /** @example 70000 */
  population: number;
}

export class NationalTotalDto {
  /** @example 2025 */
  year: number;

  /** The national total on 1 January after the import. */
  total: number;

  /** The national total on 1 January of the year before; null when none is loaded. */
  previousYear: number | null;

  /** Municipalities with a figure for the year after the import. @example 342 */
  municipalities: number;
}

export class PopulationImportReportDto {
  /** Whether the figures were written (false for a dry run). */
  applied: boolean;

  /** code,year,population, or CBS StatLine. @example 'CBS StatLine' */
  format: string;

  /** Municipality rows read. */
  rows: number;

  /** StatLine rows of the country, provinces and other regions, not read. */
  skippedRegions: number;

  /** New or changed figures; an import of the same file again has none. */
  changes: PopulationChangeDto[];

  totals: NationalTotalDto[];

  /**
   * What the changed figures do to documents already issued on them (a year already billed):
   * for a dry run what the import would do, told to nobody; null when no issued document rests
   * on a changed figure.
   */
  @ApiProperty({ type: BillingImpactDto, nullable: true })
  billingImpact: BillingImpactDto | null;
}
