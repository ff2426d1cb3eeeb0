import type { CustomerBilling } from './invoicing.rules';
import type { DocumentType } from './invoicing.constants';

/**
 * What a customer's billing details lack: `invoiceAddress` for a lawful invoice (art. 35a Wet OB:
 * the customer's name and address; DOMAIN.md rule 8), `oinOrKvkNumber` for an e-invoice (it is
 * addressed by OIN, or else by KvK number). An allocation statement is no invoice: nothing.
 */
export type ReadinessGap = 'invoiceAddress' | 'oinOrKvkNumber';

/** What a customer (its billing details, or the snapshot on a document) lacks; the one rule for readiness and ublGaps. */
export function customerGaps(customer: Partial<CustomerBilling> | undefined): ReadinessGap[] {
  const gaps: ReadinessGap[] = [];
  if (!customer?.street || !customer.postalCode || !customer.city) gaps.push('invoiceAddress');
  if (!customer?.oin && !customer?.kvkNumber) gaps.push('oinOrKvkNumber');
  return gaps;
}

export function readinessGaps(type: DocumentType, details: Partial<CustomerBilling> | undefined): ReadinessGap[] {
  return type === 'ALLOCATION_STATEMENT' ? [] : customerGaps(details);
}
