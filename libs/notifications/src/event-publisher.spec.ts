import type { JobQueue } from '@wmo/jobs';
import type { Transaction } from '@wmo/tenancy';
import { EventPublisher } from './event-publisher';
import type { NotificationRepository } from './notification.repository';
import type { WebhookSubscriptionEntity } from './notifications.entities';
import type { NewDelivery, WebhookDeliveryRepository } from './webhook-delivery.repository';
import type { WebhookSubscriptionRepository } from './webhook-subscription.repository';

const tx = { manager: {} } as Transaction;
const subscription = (id: string, organisationId: string, events: string[]) =>
  ({ id, organisationId, events }) as unknown as WebhookSubscriptionEntity;

function setUp(subscriptions: WebhookSubscriptionEntity[]) {
  const sendMany = jest.fn().mockResolvedValue(undefined);
  const insertMany = jest.fn((_tx: Transaction, deliveries: NewDelivery[]) =>
    Promise.resolve(deliveries.map((d, i) => `delivery-${i + 1}-${d.subscriptionId}`)),
  );
  const insertNew = jest.fn().mockResolvedValue([{ organisationId: 'assen', dedupeKey: 'overdue:F-1' }]);
  const publisher = new EventPublisher(
    { sendMany } as unknown as JobQueue,
    { insertNew } as unknown as NotificationRepository,
    { activeOfOrganisations: jest.fn().mockResolvedValue(subscriptions) } as unknown as WebhookSubscriptionRepository,
    { insertMany } as unknown as WebhookDeliveryRepository,
    { allowHttp: true, allowPrivateAddresses: true, retryLimit: 8, retryDelaySeconds: 30, timeoutMs: 10_000 },
  );
  return { publisher, sendMany, insertMany, insertNew };
}

describe('EventPublisher', () => {
  it('queues one delivery per receiving subscription, all jobs in one call within the transaction', async () => {
    const { publisher, sendMany, insertMany } = setUp([
      subscription('a1', 'assen', ['invoice.issued']),
      subscription('a2', 'assen', ['invoice.overdue']),
      subscription('g1', 'groningen', ['invoice.issued', 'invoice.overdue']),
    ]);
    const queued = await publisher.publish(tx, [
      { event: 'invoice.issued', organisationIds: ['assen', 'groningen'], data: { number: 'SEN-2025-0001' } },
      { event: 'invoice.overdue', organisationIds: ['groningen'], data: { number: 'SEN-2024-0007' } },
    ]);
    expect(queued).toBe(3);
    const deliveries = insertMany.mock.calls[0][1];
    expect(deliveries.map((d) => [d.subscriptionId, d.event])).toEqual([
      ['a1', 'invoice.issued'],
      ['g1', 'invoice.issued'],
      ['g1', 'invoice.overdue'],
    ]);
    // One event id per event, shared by its subscriptions.
    expect(deliveries[0].eventId).toBe(deliveries[1].eventId);
    expect(deliveries[2].eventId).not.toBe(deliveries[0].eventId);
    expect(sendMany).toHaveBeenCalledTimes(1);
    expect(sendMany).toHaveBeenCalledWith(tx, 'webhook-delivery', [
      {
        data: { deliveryId: 'delivery-1-a1' },
        options: { singletonKey: 'delivery-1-a1', retry: { limit: 8, delaySeconds: 30, backoff: true } },
      },
      expect.objectContaining({ data: { deliveryId: 'delivery-2-g1' } }),
      expect.objectContaining({ data: { deliveryId: 'delivery-3-g1' } }),
    ]);
  });

  it('without subscriptions nothing is written or queued', async () => {
    const { publisher, sendMany, insertMany } = setUp([]);
    expect(await publisher.publish(tx, [{ event: 'obligation.changed', organisationIds: ['assen'], data: {} }])).toBe(
      0,
    );
    expect(insertMany).not.toHaveBeenCalled();
    expect(sendMany).not.toHaveBeenCalled();
  });

  it('notify answers only the drafts that were new', async () => {
    const { publisher } = setUp([]);
    const draft = (dedupeKey: string) => ({
      organisationId: 'assen',
      roles: [],
      kind: 'INVOICE_OVERDUE' as const,
      municipalityCode: 'GM0106',
      subjectType: 'invoice',
      subjectId: dedupeKey,
      title: 'Factuur vervallen',
      message: '...',
      data: {},
      dedupeKey,
    });
    expect(await publisher.notify(tx, [draft('overdue:F-1'), draft('overdue:F-2')])).toEqual([draft('overdue:F-1')]);
  });
});
