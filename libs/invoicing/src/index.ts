export { InvoicingModule, invoicingOptions } from './invoicing.module';
export type { InvoicingModuleOptions } from './invoicing.module';
export type { InvoicingOptions } from './invoicing.options';

// The job queue's definition, for start-up (libs/runtime prepares the queues).
export { invoiceRunQueue } from './invoice-run-queue';

// How other libraries read invoicing, inside their own transaction.
export { InvoicingReader } from './invoicing.reader';
export type { DocumentSummary, OverdueInvoice } from './documents.repository';
export type { DocumentStatus, DocumentType } from './invoicing.constants';

export { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

// The answers, as the API documents them.
export { InvoiceRunDto } from './dto/invoice-runs.dto';
export { InvoiceDocumentDto } from './dto/invoicing.dto';

// The benchmark (scripts/bench-invoicing.ts) renders a run's documents with pdfkit alone.
export { loadPrintables } from './document-pdfs';
export { renderDocumentPdf } from './invoice-pdf';

// Demo data: billing details where none are kept.
export { seedBillingDetails } from './billing-details.seeder';
