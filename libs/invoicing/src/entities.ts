// The entities entry point (@wmo/invoicing/entities): for the migration schema only.
import { DocumentFileEntity, InvoiceDocumentEntity, InvoiceLineEntity, PaymentEntity } from './document.entities';
import {
  BillingDetailsEntity,
  DocumentNumberCounterEntity,
  InvoiceRunEntity,
  InvoiceRunHeldEntity,
  PurchaseOrderEntity,
} from './run.entities';

export const INVOICING_ENTITIES = [
  BillingDetailsEntity,
  PurchaseOrderEntity,
  InvoiceRunEntity,
  InvoiceRunHeldEntity,
  InvoiceDocumentEntity,
  InvoiceLineEntity,
  DocumentFileEntity,
  DocumentNumberCounterEntity,
  PaymentEntity,
];
