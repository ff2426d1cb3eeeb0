import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobQueue } from '@wmo/jobs';
import type { Role } from '@wmo/tenancy';
import type { NotificationKind, WebhookEvent } from './notifications.entities';
import { WEBHOOK_QUEUE, WebhookJob } from './webhook-queue';
import { WEBHOOK_OPTIONS, WebhookOptions } from './webhook-options';

export interface NotificationDraft {
  organisationId: string;
  /** Who in the organisation sees it; empty: everyone. */
  roles: Role[];
  kind: NotificationKind;
  municipalityCode: string | null;
  subjectType: string;
  subjectId: string;
  title: string;
  message: string;
  data: Record<string, unknown>;
  /** The same fact is notified once per organisation. */
  dedupeKey: string;
}

export interface EventDraft {
  event: WebhookEvent;
  organisationIds: string[];
  data: Record<string, unknown>;
}

/**
 * Writes what organisations should know, in the caller's transaction (the platform's: an
 * evaluation, an invoice run): notifications once per fact, and one webhook delivery per active
 * subscription, each queued as a job in that same transaction (an outbox: nothing is sent for
 * work that rolls back, nothing is lost for work that commits).
 */
@Injectable()
export class EventPublisher {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(WEBHOOK_OPTIONS) private readonly options: WebhookOptions,
  ) {}

  /** Inserts the notifications that are new; returns those. */
  async notify(manager: EntityManager, drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
    if (drafts.length === 0) return [];
    const inserted = await manager.query<Array<{ organisation_id: string; dedupe_key: string }>>(
      `INSERT INTO notification (organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key)
       SELECT t.organisation_id, string_to_array(t.roles, ',')::varchar[], t.kind, t.municipality_code, t.subject_type, t.subject_id, t.title, t.message, t.data, t.dedupe_key
         FROM unnest($1::uuid[], $2::text[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[], $7::varchar[], $8::text[], $9::jsonb[], $10::varchar[])
              AS t(organisation_id, roles, kind, municipality_code, subject_type, subject_id, title, message, data, dedupe_key)
       ON CONFLICT (organisation_id, dedupe_key) DO NOTHING
       RETURNING organisation_id, dedupe_key`,
      [
        drafts.map((d) => d.organisationId),
        drafts.map((d) => d.roles.join(',')),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.municipalityCode),
        drafts.map((d) => d.subjectType),
        drafts.map((d) => d.subjectId),
        drafts.map((d) => d.title),
        drafts.map((d) => d.message),
        drafts.map((d) => JSON.stringify(d.data)),
        drafts.map((d) => d.dedupeKey),
      ],
    );
    const fresh = new Set(inserted.map((row) => `${row.organisation_id}|${row.dedupe_key}`));
    return drafts.filter((d) => fresh.has(`${d.organisationId}|${d.dedupeKey}`));
  }

  /** Queues one delivery per active subscription of the organisations to the event; returns how many. */
  async publish(manager: EntityManager, events: EventDraft[]): Promise<number> {
    const organisations = [...new Set(events.flatMap((e) => e.organisationIds))];
    if (organisations.length === 0) return 0;
    const subscriptions = await manager.query<Array<{ id: string; organisation_id: string; events: string[] }>>(
      `SELECT id, organisation_id, events FROM webhook_subscription WHERE active AND organisation_id = ANY($1)`,
      [organisations],
    );
    if (subscriptions.length === 0) return 0;
    let queued = 0;
    for (const event of events) {
      const targets = subscriptions.filter(
        (s) => event.organisationIds.includes(s.organisation_id) && s.events.includes(event.event),
      );
      if (targets.length === 0) continue;
      const eventId = randomUUID();
      const payload = { type: event.event, timestamp: new Date().toISOString(), data: event.data };
      const rows = await manager.query<Array<{ id: string }>>(
        `INSERT INTO webhook_delivery (subscription_id, organisation_id, event, event_id, payload)
         SELECT s.id, s.organisation_id, $2, $3, $4::jsonb FROM webhook_subscription s WHERE s.id = ANY($1) RETURNING id`,
        [targets.map((s) => s.id), event.event, eventId, JSON.stringify(payload)],
      );
      const retry = { limit: this.options.retryLimit, delaySeconds: this.options.retryDelaySeconds, backoff: true };
      for (const row of rows)
        await this.jobs.send<WebhookJob>(
          manager,
          WEBHOOK_QUEUE,
          { deliveryId: row.id },
          { singletonKey: row.id, retry },
        );
      queued += rows.length;
    }
    return queued;
  }
}
