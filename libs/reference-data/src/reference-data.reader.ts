import { Injectable } from '@nestjs/common';
import type { IsoDate, TerritorialChange } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import type { MunicipalityInfo, PopulationFigure } from './reference-data.types';

/**
 * How other libraries read the reference data: inside their own transaction (reference tables
 * have no row-level security, so any transaction sees them all). Stateless; outside a Nest
 * container (start-up code) `new ReferenceDataReader()` works as well.
 */
@Injectable()
export class ReferenceDataReader {
  constructor(
    private readonly municipalityRows: MunicipalityRepository = new MunicipalityRepository(),
    private readonly figures: PopulationFigureRepository = new PopulationFigureRepository(),
    private readonly changes: MunicipalChangeRepository = new MunicipalChangeRepository(),
  ) {}

  /** The municipalities with these codes, or every municipality when `codes` is null; by code. */
  municipalities(tx: Transaction, codes: readonly string[] | null): Promise<MunicipalityInfo[]> {
    if (codes !== null && codes.length === 0) return Promise.resolve([]);
    return this.municipalityRows.byCodes(tx, codes);
  }

  async municipality(tx: Transaction, code: string): Promise<MunicipalityInfo | null> {
    const [municipality] = await this.municipalityRows.byCodes(tx, [code]);
    return municipality ?? null;
  }

  /** The municipalities whose code existed on `day` (both ends of a validity inclusive), by code. */
  municipalitiesExistingOn(tx: Transaction, day: IsoDate): Promise<MunicipalityInfo[]> {
    return this.municipalityRows.existingOn(tx, day);
  }

  /** Every reorganisation step (herindeling), by date and codes: the input of the domain's territory rules. */
  territorialChanges(tx: Transaction): Promise<TerritorialChange[]> {
    return this.changes.territorialChanges(tx);
  }

  /** The CBS figures on these reference dates, of these municipalities (all when not given); by date and code. */
  populationFigures(
    tx: Transaction,
    referenceDates: readonly IsoDate[],
    codes?: readonly string[],
  ): Promise<PopulationFigure[]> {
    if (referenceDates.length === 0 || codes?.length === 0) return Promise.resolve([]);
    return this.figures.onDates(tx, referenceDates, codes);
  }

  /** Whether CBS figures exist for `referenceDate` (1 January of a year). */
  hasPopulationFigures(tx: Transaction, referenceDate: IsoDate): Promise<boolean> {
    return this.figures.existOn(tx, referenceDate);
  }
}
