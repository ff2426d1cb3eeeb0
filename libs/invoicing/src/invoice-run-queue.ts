import type { QueueDefinition } from '@wmo/jobs';

export const INVOICE_RUN_QUEUE = 'invoice-run';

export interface InvoiceRunJob {
  runId: string;
}

/** Invoice runs resume where they stopped, so a failed or expired job is simply retried. */
export function invoiceRunQueue(expireInSeconds: number): QueueDefinition {
  return { name: INVOICE_RUN_QUEUE, retryLimit: 20, retryDelay: 1, retryBackoff: true, expireInSeconds };
}
