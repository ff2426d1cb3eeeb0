export const INVOICING_OPTIONS = Symbol('INVOICING_OPTIONS');

export interface InvoicingOptions {
  /** Participants per issuing transaction. */
  batchSize: number;
  /** A pause after each batch: only for tests that stop a worker in the middle of a run. */
  batchDelayMs: number;
  /** Tests only: this many run attempts in this process fail with an injected transient error after their first batch. */
  faultAttempts?: number;
}
