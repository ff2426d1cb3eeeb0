import { Injectable, Optional } from '@nestjs/common';
import { reportedProblems } from '@wmo/common';
import { firstOfJanuary, todayInAmsterdam, yearOf } from '@wmo/domain';
import { ScopedDatabase } from '@wmo/tenancy';
import { BillingImpactAssessor } from './billing-impact';
import { PopulationImportReportDto } from './dto/population-import.dto';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { checkPopulationFile, CheckedPopulationFile, KnownMunicipality } from './population-import.rules';
import { figureKey, nationalTotals, populationChanges } from './population-report.rules';
import { PopulationImportError, ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';

/**
 * The operator's CBS population import through the API (the command line's import-population,
 * without a shell). The whole file is checked first and every problem reported with its line;
 * the report shows what it changes (per municipality and year, the loaded figure beside the new
 * one) and the national totals beside the year before. A dry run writes nothing; a real import
 * writes the whole file in the caller's transaction or nothing, audited. Imports wait for one
 * another, and the same file twice changes nothing the second time.
 */
@Injectable()
export class PopulationImportsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly municipalities: MunicipalityRepository,
    private readonly figures: PopulationFigureRepository,
    /** Absent where invoicing is not loaded (the command line): then nothing issued is assessed. */
    @Optional() private readonly billing?: BillingImpactAssessor,
  ) {}

  import(file: unknown, dryRun: boolean): Promise<PopulationImportReportDto> {
    if (!Buffer.isBuffer(file))
      throw new ReferenceDataError(
        ReferenceDataErrorCode.NotACsvFile,
        'Send the file itself as the request body, with Content-Type: text/csv (UTF-8 or Windows-1252).',
      );
    return this.db.transaction(async (tx) => {
      await this.figures.lockImports(tx);
      const known = new Map<string, KnownMunicipality>(
        (await this.municipalities.byCodes(tx, null)).map(({ code, name, validFrom, validTo }) => [
          code,
          { name, validFrom, validTo },
        ]),
      );
      const checked = check(file, known);
      const { rows } = checked;
      const years = [...new Set(rows.flatMap((row) => [row.year, row.year - 1]))];
      const loaded = new Map(
        (await this.figures.onDates(tx, years.map(firstOfJanuary))).map((figure) => [
          figureKey(figure.code, yearOf(figure.referenceDate)),
          figure.inhabitants,
        ]),
      );
      const changes = populationChanges(rows, loaded, (code) => known.get(code)!.name);
      const totals = nationalTotals(rows, loaded);
      let billingImpact = null;
      if (changes.length && (!dryRun || this.billing)) {
        const apply = async () => {
          await this.figures.importAsOperator(
            tx,
            changes.map(({ code, year, population }) => ({ code, year, population })),
            `Import via the API on ${todayInAmsterdam()} (${checked.format})`,
          );
          return (
            (await this.billing?.ofPopulationChange(
              tx,
              { figures: changes, cause: `de import van CBS-inwonertallen (${describeYears(changes)})` },
              { notify: !dryRun },
            )) ?? null
          );
        };
        // A dry run writes the figures only to see what they do to issued documents, and undoes them.
        billingImpact = dryRun ? await this.figures.undone(tx, apply) : await apply();
      }
      if (!dryRun) {
        await tx.audit({
          action: 'population-import.applied',
          entityType: 'population-figure',
          after: {
            format: checked.format,
            rows: rows.length,
            changes: changes.length,
            years: totals.map((t) => t.year),
          },
        });
      }
      return {
        applied: !dryRun,
        format: checked.format,
        rows: rows.length,
        skippedRegions: checked.skippedRegions,
        changes,
        totals,
        billingImpact,
      };
    });
  }
}

/** "1 januari 2025", or "1 januari 2024 en 2025". */
function describeYears(changes: ReadonlyArray<{ year: number }>): string {
  const years = [...new Set(changes.map((c) => c.year))].sort();
  return `peildatum 1 januari ${years.length === 1 ? years[0] : `${years.slice(0, -1).join(', ')} en ${years[years.length - 1]}`}`;
}

function check(file: Buffer, known: ReadonlyMap<string, KnownMunicipality>): CheckedPopulationFile {
  try {
    return checkPopulationFile(file, known, yearOf(todayInAmsterdam()));
  } catch (error) {
    if (!(error instanceof PopulationImportError)) throw error;
    throw new ReferenceDataError(
      ReferenceDataErrorCode.InvalidPopulationFile,
      `${error.rowErrors.length} problem(s) found; fix them all and send the file again.`,
      { problems: reportedProblems(error.rowErrors) },
    );
  }
}
