import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnscopedDatabase } from '@wmo/tenancy';
import { AttemptOutcome, failureOutcome, responseOutcome, statusAfterAttempt } from './notifications.rules';
import { DeliveryAttempt, DeliveryToSend, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { webhookSignature } from './webhook-signature';

/** Sends one delivery (a job); a failed attempt throws so that the job queue retries it with backoff. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  async deliver(deliveryId: string, retryCount: number): Promise<void> {
    const delivery = await this.unscoped.unscopedSystemTransaction((tx) => this.deliveries.findToSend(tx, deliveryId));
    if (!delivery || delivery.status !== 'PENDING') return;
    if (!delivery.active) {
      await this.record(deliveryId, {
        status: 'FAILED',
        error: 'The webhook was removed before delivery.',
        responseStatus: null,
      });
      return;
    }
    const outcome = await this.send(delivery);
    const status = statusAfterAttempt(outcome.ok, retryCount, this.options.retryLimit);
    await this.record(deliveryId, { status, error: outcome.error, responseStatus: outcome.responseStatus });
    if (outcome.ok) return;
    this.logger.warn(
      { deliveryId, attempt: retryCount + 1, error: outcome.error },
      status === 'FAILED' ? 'Webhook delivery failed for good' : 'Webhook delivery failed; will retry',
    );
    if (status === 'PENDING') throw new Error(`Webhook delivery ${deliveryId} failed: ${outcome.error}`);
  }

  /** POSTs the payload, signed (Standard Webhooks); never follows a redirect. */
  private async send(delivery: DeliveryToSend): Promise<AttemptOutcome> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.options.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wmo-luisterend-oor-webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(delivery.secret, delivery.id, timestamp, body),
        },
        body,
      });
      await response.body?.cancel();
      return responseOutcome(response.status);
    } catch (error) {
      return failureOutcome(error);
    }
  }

  private record(id: string, attempt: DeliveryAttempt): Promise<void> {
    return this.unscoped.unscopedSystemTransaction((tx) => this.deliveries.recordAttempt(tx, id, attempt));
  }
}
