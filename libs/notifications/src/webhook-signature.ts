import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Webhooks are signed as the Standard Webhooks specification describes (standardwebhooks.com):
 * headers `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature` = `v1,` +
 * base64(HMAC-SHA256(secret, `${id}.${timestamp}.${body}`)); the secret is `whsec_` + base64.
 */
export const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString('base64')}`;
}

export function webhookSignature(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** What a receiver does: true when one of the signatures in the header matches. */
export function verifyWebhookSignature(
  secret: string,
  id: string,
  timestamp: number,
  body: string,
  header: string,
): boolean {
  const expected = Buffer.from(webhookSignature(secret, id, timestamp, body));
  return header.split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
