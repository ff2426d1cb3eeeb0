// The DTOs (dto/) read the enumerations from here; the entities are in their own *.entity.ts files.
export { DOCUMENT_STATUSES, DOCUMENT_TYPES, RUN_STATUSES } from './invoicing.constants';
export type { DocumentStatus, DocumentType, PartySnapshot, RunStatus } from './invoicing.constants';
