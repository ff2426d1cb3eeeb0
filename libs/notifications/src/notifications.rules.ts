import type { FieldError } from '@wmo/common';
import type { DeliveryStatus, WebhookEvent } from './notifications.entities';
import { ipLiteralOf, isInternalAddress, isLocalhostName } from './webhook-address.rules';

/**
 * The notification and webhook rules, as pure functions (notifications.rules.spec.ts): which
 * drafts are new, which subscriptions receive an event, which URLs are accepted, and what a
 * delivery becomes after an attempt.
 */

/** The drafts whose (organisation, dedupe key) is among those just inserted: the facts not notified before. */
export function newlyNotified<T extends { organisationId: string; dedupeKey: string }>(
  drafts: readonly T[],
  inserted: ReadonlyArray<{ organisationId: string; dedupeKey: string }>,
): T[] {
  const fresh = new Set(inserted.map((row) => `${row.organisationId}|${row.dedupeKey}`));
  return drafts.filter((draft) => fresh.has(`${draft.organisationId}|${draft.dedupeKey}`));
}

/** The subscriptions that receive an event: of one of its organisations, and subscribed to its type. */
export function subscriptionsFor<T extends { organisationId: string; events: readonly string[] }>(
  event: { event: WebhookEvent; organisationIds: readonly string[] },
  subscriptions: readonly T[],
): T[] {
  return subscriptions.filter(
    (s) => event.organisationIds.includes(s.organisationId) && s.events.includes(event.event),
  );
}

/** Why a webhook URL aimed at the platform's own network is refused. */
export const INTERNAL_TARGET =
  'url must reach a public address; loopback, private, link-local and other internal addresses are refused';

export type WebhookUrlCheck = { url: string; problem: null } | { url: null; problem: FieldError };

/**
 * An absolute https URL (http too where `allowHttp`: development and tests), without a user name
 * or password (deliveries are signed instead); answered in its normalised form. Unless
 * `allowPrivate` (development and tests, or WEBHOOK_ALLOW_PRIVATE), its host may not be
 * `localhost` nor an internal IP address (webhook-address.rules.ts); a host name is resolved and
 * checked by the caller (webhook-target.ts), at registration and again at every delivery.
 */
export function checkWebhookUrl(raw: string, allowHttp: boolean, allowPrivate: boolean): WebhookUrlCheck {
  const refused = (message: string): WebhookUrlCheck => ({ url: null, problem: { field: 'url', message } });
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return refused('url must be an absolute URL such as https://example.nl/hooks');
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowHttp))
    return refused(allowHttp ? 'url must use https or http' : 'url must use https');
  if (url.username || url.password)
    return refused('url must not contain a user name or password; deliveries are signed instead');
  if (!allowPrivate) {
    const literal = ipLiteralOf(url.hostname);
    if (isLocalhostName(url.hostname) || (literal !== null && isInternalAddress(literal)))
      return refused(INTERNAL_TARGET);
  }
  return { url: url.toString(), problem: null };
}

export interface AttemptOutcome {
  ok: boolean;
  responseStatus: number | null;
  error: string | null;
}

/** A receiver accepts a delivery with any 2xx; anything else (a redirect too) is a failed attempt. */
export function responseOutcome(status: number): AttemptOutcome {
  const ok = status >= 200 && status < 300;
  return { ok, responseStatus: status, error: ok ? null : `HTTP ${status}` };
}

/** No answer at all (refused, timed out): a failed attempt with the reason. */
export function failureOutcome(error: unknown): AttemptOutcome {
  return { ok: false, responseStatus: null, error: error instanceof Error ? error.message : String(error) };
}

/** DELIVERED; else PENDING while retries remain (`retryCount` attempts came before this one); FAILED after the last. */
export function statusAfterAttempt(ok: boolean, retryCount: number, retryLimit: number): DeliveryStatus {
  if (ok) return 'DELIVERED';
  return retryCount >= retryLimit ? 'FAILED' : 'PENDING';
}
