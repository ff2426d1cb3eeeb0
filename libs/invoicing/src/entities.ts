// The entities entry point (@wmo/invoicing/entities): for the migration schema only.
import { DocumentFileEntity, InvoiceDocumentEntity, InvoiceLineEntity, PaymentEntity } from './document.entities';
import {
  BillingDetailsEntity,
  DocumentNumberCounterEntity,
  InvoiceRunEntity,
  InvoiceRunHeldEntity,
  PurchaseOrderEntity,
  RunRequestEntity,
} from './run.entities';

export const INVOICING_ENTITIES = [
  BillingDetailsEntity,
  PurchaseOrderEntity,
  InvoiceRunEntity,
  InvoiceRunHeldEntity,
  RunRequestEntity,
  InvoiceDocumentEntity,
  InvoiceLineEntity,
  DocumentFileEntity,
  DocumentNumberCounterEntity,
  PaymentEntity,
];
