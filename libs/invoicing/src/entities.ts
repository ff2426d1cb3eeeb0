// The entities entry point (@wmo/invoicing/entities): for the migration schema only.
import { BillingDetailsEntity, PurchaseOrderEntity } from './billing-details.entity';
import { DocumentFileEntity } from './document-file.entity';
import { DocumentNumberCounterEntity } from './document-number-counter.entity';
import { InvoiceDocumentEntity } from './invoice-document.entity';
import { InvoiceLineEntity } from './invoice-line.entity';
import { InvoiceRunEntity } from './invoice-run.entity';
import { PaymentEntity } from './payment.entity';

export const INVOICING_ENTITIES = [
  BillingDetailsEntity,
  PurchaseOrderEntity,
  InvoiceRunEntity,
  InvoiceDocumentEntity,
  InvoiceLineEntity,
  DocumentFileEntity,
  DocumentNumberCounterEntity,
  PaymentEntity,
];
