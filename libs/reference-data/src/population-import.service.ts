import { Injectable } from '@nestjs/common';
import { todayInAmsterdam, yearOf } from '@wmo/domain';
import { ReferenceDatabase, UnscopedDatabase } from '@wmo/tenancy';
import { MunicipalityDetailRepository } from './municipality-detail.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import {
  ImportProgress,
  KnownMunicipality,
  validatePopulationFile,
  YearCoverage,
  yearCoverage,
} from './population-import.rules';

export interface PopulationImportResult {
  rows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Per year in the file: how many rows it had and how many municipalities existed then. */
  years: YearCoverage[];
}

const BATCH_SIZE = 1000;

/**
 * Imports a new CBS population file (`code,year,population`, the figure on 1 January of `year`).
 * Every row is checked first and every problem reported with its line number; only a file without
 * a single problem is written, in one transaction, so a half-imported year cannot exist. The
 * command line runs it as the schema owner: the application role may only read reference data.
 */
@Injectable()
export class PopulationImportService {
  constructor(
    private readonly reference: ReferenceDatabase,
    private readonly unscoped: UnscopedDatabase,
    private readonly municipalities: MunicipalityRepository,
    private readonly figures: PopulationFigureRepository,
    private readonly documents: MunicipalityDetailRepository,
  ) {}

  async import(
    csv: string | Buffer,
    options: { source: string; dryRun?: boolean; onProgress?: (progress: ImportProgress) => void },
  ): Promise<PopulationImportResult> {
    const known = await this.knownMunicipalities();
    const rows = validatePopulationFile(csv, known, yearOf(todayInAmsterdam()), options.onProgress);
    const years = yearCoverage(rows, known);
    if (options.dryRun) return { rows: rows.length, inserted: 0, updated: 0, unchanged: rows.length, years };

    let inserted = 0;
    let updated = 0;
    await this.unscoped.unscopedSystemTransaction(async (tx) => {
      // One import at a time, also beside the operator's imports through the API.
      await this.figures.lockImports(tx);
      for (let start = 0; start < rows.length; start += BATCH_SIZE) {
        const written = await this.figures.upsertImported(tx, rows.slice(start, start + BATCH_SIZE), options.source);
        inserted += written.inserted;
        updated += written.updated;
        options.onProgress?.({ phase: 'write', done: Math.min(start + BATCH_SIZE, rows.length), total: rows.length });
      }
      await this.documents.refresh(tx);
    });
    return { rows: rows.length, inserted, updated, unchanged: rows.length - inserted - updated, years };
  }

  private async knownMunicipalities(): Promise<Map<string, KnownMunicipality>> {
    const rows = await this.municipalities.byCodes(this.reference.reader, null);
    return new Map(rows.map(({ code, name, validFrom, validTo }) => [code, { name, validFrom, validTo }]));
  }
}
