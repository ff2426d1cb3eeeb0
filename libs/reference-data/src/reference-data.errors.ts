import { assertUnreachable, DomainError } from '@wmo/common';

export enum ReferenceDataErrorCode {
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  MunicipalityNotExisting = 'MUNICIPALITY_NOT_EXISTING',
  PopulationNotAvailable = 'POPULATION_NOT_AVAILABLE',
  PopulationIncomplete = 'POPULATION_INCOMPLETE',
}

const TITLES: Record<ReferenceDataErrorCode, string> = {
  [ReferenceDataErrorCode.MunicipalityNotFound]: 'Municipality not found',
  [ReferenceDataErrorCode.MunicipalityNotExisting]: 'Municipality did not exist on that date',
  [ReferenceDataErrorCode.PopulationNotAvailable]: 'No population figures for that date',
  [ReferenceDataErrorCode.PopulationIncomplete]: 'Population figures incomplete for that territory',
};

export class ReferenceDataError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: ReferenceDataErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case ReferenceDataErrorCode.MunicipalityNotFound:
      case ReferenceDataErrorCode.MunicipalityNotExisting:
      case ReferenceDataErrorCode.PopulationNotAvailable:
      case ReferenceDataErrorCode.PopulationIncomplete:
        return 404;
      default:
        return assertUnreachable(this.code);
    }
  }
}

export interface ImportRowError {
  line: number;
  message: string;
}

/** A population file with problems: every one of them, with its line number; nothing was written. */
export class PopulationImportError extends Error {
  constructor(readonly rowErrors: ImportRowError[]) {
    super(
      `The file was not imported: ${rowErrors.length} problem(s) found, nothing was written.\n` +
        rowErrors.map((error) => `  line ${error.line}: ${error.message}`).join('\n'),
    );
    this.name = 'PopulationImportError';
  }
}
