export { ReferenceDataModule } from './reference-data.module';
export { ReferenceDataReader } from './reference-data.reader';
export type { MunicipalityInfo, PopulationFigure } from './reference-data.types';
export { ReferenceDataError, ReferenceDataErrorCode, PopulationImportError } from './reference-data.errors';
export type { ImportRowError } from './reference-data.errors';

// The operator's reorganisation import (libs/contracts reports what it does to contracts).
export { ReorganisationFiles, stepKey } from './reorganisation-files';
export type { ReorganisationCheck } from './reorganisation-files';
export type { ReorganisationStep } from './reorganisation-file.rules';
export {
  ApiMunicipalityCode,
  IsMunicipalityCode,
  MUNICIPALITY_CODE_PATTERN,
  MunicipalityCode,
} from './dto/municipality-code.param';

// Start-up and the command line (as the schema owner).
export { defaultReferenceDataDir, readBundledReferenceData } from './bundled-reference-data';
export type { BundledReferenceData } from './bundled-reference-data';
export { loadBundledReferenceData } from './reference-data.loader';
export { PopulationImportService } from './population-import.service';
export type { PopulationImportResult } from './population-import.service';
export type { ImportProgress, YearCoverage } from './population-import.rules';

// What a change to the facts does to issued documents (@wmo/invoicing provides the assessor).
export {
  BillingImpactAssessor,
  BillingImpactDocumentDto,
  BillingImpactDto,
  BillingImpactItemDto,
} from './billing-impact';
export type { ContractFactChange, PopulationFactChange } from './billing-impact';
