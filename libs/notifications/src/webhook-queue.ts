import type { QueueDefinition } from '@wmo/jobs';

export const WEBHOOK_QUEUE = 'webhook-delivery';

export interface WebhookJob {
  deliveryId: string;
}

/** One job per delivery; a failed attempt is retried after `retryDelay` seconds, doubling each time. */
export function webhookQueue(retryDelay: number, retryLimit: number): QueueDefinition {
  return { name: WEBHOOK_QUEUE, retryLimit, retryDelay, retryBackoff: true, expireInSeconds: 120 };
}
