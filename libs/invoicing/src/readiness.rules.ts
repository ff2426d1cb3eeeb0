import type { CustomerBilling } from './invoicing.rules';
import type { DocumentType } from './invoicing.constants';

/**
 * What a customer's billing details lack: `invoiceAddress` for a lawful invoice (art. 35a Wet OB:
 * the customer's name and address; DOMAIN.md rule 8), `oinOrKvkNumber` for an e-invoice (it is
 * addressed by OIN, or else by KvK number). An allocation statement is no invoice: nothing.
 */
export type ReadinessGap = 'invoiceAddress' | 'oinOrKvkNumber';

export function readinessGaps(type: DocumentType, details: Partial<CustomerBilling> | undefined): ReadinessGap[] {
  if (type === 'ALLOCATION_STATEMENT') return [];
  const gaps: ReadinessGap[] = [];
  if (!details?.street || !details.postalCode || !details.city) gaps.push('invoiceAddress');
  if (!details?.oin && !details?.kvkNumber) gaps.push('oinOrKvkNumber');
  return gaps;
}
