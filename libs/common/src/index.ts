// Errors as problem documents (RFC 9457)
export { DomainError, FeatureError, RateLimitedError, RequestValidationError } from './domain-error';
export type { ErrorCatalogue, FieldError } from './domain-error';
export { ProblemDetailsDto } from './problem-details';
export { clientErrorResponse, ProblemDetailsFilter, sendProblem } from './problem-details.filter';
export { ApiProblemResponses, documentUnexpectedErrors } from './api-problem-responses.decorator';

// Request validation
export { createValidationPipe, flattenValidationErrors } from './validation';
export { checkRequestInput, MAX_BODY_DEPTH } from './request-input';
export { IsIsoDate } from './iso-date.validator';
export { NoQueryParams } from './no-query.dto';
export { answerImport, ApiFileImport, ImportQuery } from './import.query';
export { PageQuery } from './page.query';
export { containsPattern, orderBy, parseSort, SearchParam, SortParam, sortValues } from './list-query';
export type { SortOrder, SortValue } from './list-query';
export { PatternPipe } from './pattern.pipe';
export { ToInteger, Trim } from './transforms';
export { EntityId, fieldDecorator, IsOptionalNotNull, OneOf } from './fields';
export type { FieldOptions } from './fields';
export { IS_PUBLIC, Public } from './public.decorator';

// Formats
export { decodeUpload, MAX_REPORTED_PROBLEMS, readCsvRecords, reportedProblems } from './csv';
export type { CsvRecord } from './csv';
/** For CHECK constraints in entity decorators only. */
export { inList } from './sql';
export {
  ApiSpreadsheet,
  column,
  EURO_FORMAT,
  sendSpreadsheet,
  SPREADSHEET_CONTENT_TYPES,
  spreadsheetFile,
  toExcelCsv,
  toXlsx,
} from './spreadsheet';
export type { ColumnKind, SheetColumn, Spreadsheet, SpreadsheetFormat } from './spreadsheet';
