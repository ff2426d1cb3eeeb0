import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { UnscopedDatabase } from '@wmo/tenancy';
import { AttemptOutcome, failureOutcome, responseOutcome, statusAfterAttempt } from './notifications.rules';
import { DeliveryAttempt, DeliveryToSend, WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';
import { webhookSignature } from './webhook-signature';
import { internalLiteral, InternalTargetError, publicOnlyLookup } from './webhook-target';

/** Sends one delivery (a job); a failed attempt throws so that the job queue retries it with backoff. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger('Webhooks');
  private readonly lookup = publicOnlyLookup();

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

  /**
   * POSTs the payload, signed (Standard Webhooks); never follows a redirect. Outside development
   * and tests the host is resolved and checked again now, and the connection goes to the checked
   * address (webhook-target.ts), so a name that was public at registration cannot lead inside.
   */
  private async send(delivery: DeliveryToSend): Promise<AttemptOutcome> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const url = new URL(delivery.url);
      const guarded = !this.options.allowPrivateAddresses;
      const literal = guarded ? internalLiteral(url.hostname) : null;
      if (literal !== null) throw new InternalTargetError(url.hostname);
      const status = await postOnce(url, body, {
        timeoutMs: this.options.timeoutMs,
        lookup: guarded ? this.lookup : undefined,
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wmo-luisterend-oor-webhooks/1',
          'webhook-id': delivery.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': webhookSignature(delivery.secret, delivery.id, timestamp, body),
        },
      });
      return responseOutcome(status);
    } catch (error) {
      return failureOutcome(error);
    }
  }

  private record(id: string, attempt: DeliveryAttempt): Promise<void> {
    return this.unscoped.unscopedSystemTransaction((tx) => this.deliveries.recordAttempt(tx, id, attempt));
  }
}

/** One POST with node:http(s) (which, unlike fetch, takes a lookup), answering the status; the body is discarded. */
function postOnce(
  url: URL,
  body: string,
  options: { timeoutMs: number; lookup: LookupFunction | undefined; headers: Record<string, string> },
): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { ...options.headers, 'content-length': String(Buffer.byteLength(body)) },
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.lookup ? { lookup: options.lookup } : {}),
      },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
