import { Injectable } from '@nestjs/common';
import { decodeUpload, reportedProblems } from '@wmo/common';
import type { Transaction } from '@wmo/tenancy';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { ProvinceRepository } from './province.repository';
import { ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';
import { FIRST_DATA_YEAR, lastSupportedYear } from './reference-years';
import { CheckedReorganisation, checkReorganisationFile, LoadedMunicipality } from './reorganisation-file.rules';

/** A checked reorganisation, and which of its steps are loaded already (the same relation and share). */
export interface ReorganisationCheck extends CheckedReorganisation {
  loadedSteps: ReadonlySet<string>;
}

export const stepKey = (step: { oldCode: string; newCode: string }) => `${step.oldCode}>${step.newCode}`;

/**
 * The reference-data side of a reorganisation import, in the caller's transaction: the file read
 * and checked against what is loaded (after taking the reference-data import lock, so that a second
 * import waits), and the checked reorganisation written. Who may do so is the caller's concern;
 * the database function refuses anyone but the operator.
 */
@Injectable()
export class ReorganisationFiles {
  constructor(
    private readonly municipalities: MunicipalityRepository,
    private readonly provinces: ProvinceRepository,
    private readonly changes: MunicipalChangeRepository,
    private readonly figures: PopulationFigureRepository,
  ) {}

  async check(tx: Transaction, file: unknown): Promise<ReorganisationCheck> {
    if (!Buffer.isBuffer(file))
      throw new ReferenceDataError(
        ReferenceDataErrorCode.NotACsvFile,
        'Send the file itself as the request body, with Content-Type: text/csv (UTF-8 or Windows-1252).',
      );
    await this.figures.lockImports(tx);
    const loaded = new Map<string, LoadedMunicipality>(
      (await this.municipalities.byCodes(tx, null)).map(({ code, name, provinceCode, validFrom, validTo }) => [
        code,
        { name, provinceCode, validFrom, validTo },
      ]),
    );
    const provinces = new Set((await this.provinces.all(tx)).map((province) => province.code));
    const { checked, problems } = checkReorganisationFile(decodeUpload(file), loaded, provinces, {
      first: FIRST_DATA_YEAR + 1,
      last: lastSupportedYear(),
    });
    if (!checked)
      throw new ReferenceDataError(
        ReferenceDataErrorCode.InvalidReorganisationFile,
        `${problems.length} problem(s) found; fix them all and send the file again.`,
        { problems: reportedProblems(problems) },
      );
    const existing = (await this.changes.territorialChanges(tx)).filter(
      (change) => change.effectiveDate === checked.effectiveDate,
    );
    const loadedSteps = new Set(
      checked.steps
        .filter((step) =>
          existing.some(
            (change) =>
              stepKey(change) === stepKey(step) &&
              change.relation === step.relation &&
              (change.share === null ? null : Number(change.share)) ===
                (step.share === null ? null : Number(step.share)),
          ),
        )
        .map(stepKey),
    );
    return { ...checked, loadedSteps };
  }

  /** Writes it; how many rows changed (none for a reorganisation loaded before). */
  apply(tx: Transaction, reorganisation: CheckedReorganisation): Promise<number> {
    return this.changes.importAsOperator(tx, reorganisation);
  }
}
