import { ErrorCatalogue, FeatureError } from '@wmo/common';

export enum ReferenceDataErrorCode {
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  MunicipalityNotExisting = 'MUNICIPALITY_NOT_EXISTING',
  PopulationNotAvailable = 'POPULATION_NOT_AVAILABLE',
  PopulationIncomplete = 'POPULATION_INCOMPLETE',
  InvalidPopulationFile = 'INVALID_POPULATION_FILE',
  InvalidReorganisationFile = 'INVALID_REORGANISATION_FILE',
  NotACsvFile = 'NOT_A_CSV_FILE',
}

const REFERENCE_DATA_ERRORS: ErrorCatalogue<ReferenceDataErrorCode> = {
  [ReferenceDataErrorCode.MunicipalityNotFound]: { status: 404, title: 'Municipality not found' },
  [ReferenceDataErrorCode.MunicipalityNotExisting]: { status: 404, title: 'Municipality did not exist on that date' },
  [ReferenceDataErrorCode.PopulationNotAvailable]: { status: 404, title: 'No population figures for that date' },
  [ReferenceDataErrorCode.PopulationIncomplete]: {
    status: 404,
    title: 'Population figures incomplete for that territory',
  },
  [ReferenceDataErrorCode.InvalidPopulationFile]: {
    status: 422,
    title: 'The population file has problems; nothing was written',
  },
  [ReferenceDataErrorCode.InvalidReorganisationFile]: {
    status: 422,
    title: 'The reorganisation file has problems; nothing was written',
  },
  [ReferenceDataErrorCode.NotACsvFile]: { status: 415, title: 'Send the file as text/csv' },
};

export class ReferenceDataError extends FeatureError<ReferenceDataErrorCode> {
  protected catalogue(): ErrorCatalogue<ReferenceDataErrorCode> {
    return REFERENCE_DATA_ERRORS;
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
