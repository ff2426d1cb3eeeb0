export const WEBHOOK_OPTIONS = Symbol('WEBHOOK_OPTIONS');

export interface WebhookOptions {
  /** Plain http endpoints (local development, tests); https only in production. */
  allowHttp: boolean;
  /**
   * Targets on loopback, private, link-local and other internal addresses (development and tests,
   * or WEBHOOK_ALLOW_PRIVATE); otherwise refused at registration and at every delivery.
   */
  allowPrivateAddresses: boolean;
  /** Retries after the first attempt; the last failure marks the delivery FAILED. */
  retryLimit: number;
  /** Seconds before the first retry, doubled for each next one. */
  retryDelaySeconds: number;
  timeoutMs: number;
}
