import { inList } from '@wmo/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';

export const NOTIFICATION_KINDS = [
  'COVERAGE_ENDING',
  'NON_COMPLIANT',
  'COMPLIANT_AGAIN',
  'INVOICE_OVERDUE',
  'ROLL_OVER_OFFERED',
  'BILLING_DIFFERENCE',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const WEBHOOK_EVENTS = [
  'obligation.changed',
  'invoice.issued',
  'invoice.overdue',
  'billing.difference',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * Something an organisation should know, written once by the platform (the daily evaluation, an
 * invoice run). `roles` narrows who in the organisation sees it; empty means everyone.
 */
@Entity({ name: 'notification' })
@Unique('notification_dedupe_key', ['organisationId', 'dedupeKey'])
@Index('notification_organisation_time_idx', ['organisationId', 'createdAt'])
@Check('notification_kind', `kind IN (${inList(NOTIFICATION_KINDS)})`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'notification_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @Column({ name: 'kind', type: 'varchar', length: 30 })
  kind: NotificationKind;

  @Column({ name: 'roles', type: 'varchar', array: true, default: () => `'{}'` })
  roles: string[];

  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  /** What it is about: a document id, or duty code for obligations. */
  @Column({ name: 'subject_type', type: 'varchar', length: 30 })
  subjectType: string;

  @Column({ name: 'subject_id', type: 'varchar', length: 100 })
  subjectId: string;

  /** Dutch, for people. */
  @Column({ name: 'title', type: 'varchar', length: 300 })
  title: string;

  @Column({ name: 'message', type: 'text' })
  message: string;

  @Column({ name: 'data', type: 'jsonb', default: () => `'{}'` })
  data: Record<string, unknown>;

  /** The same fact is notified once per organisation. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200 })
  dedupeKey: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A user has read a notification. */
@Entity({ name: 'notification_read' })
export class NotificationReadEntity {
  @PrimaryColumn({ name: 'notification_id', type: 'uuid' })
  notificationId: string;

  @ManyToOne(() => NotificationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notification_id', foreignKeyConstraintName: 'notification_read_notification_fk' })
  notification?: NotificationEntity;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @CreateDateColumn({ name: 'read_at', type: 'timestamptz' })
  readAt: Date;
}

/** An organisation's endpoint for events, signed with HMAC-SHA256 using `secret`. */
@Entity({ name: 'webhook_subscription' })
@Index('webhook_subscription_organisation_idx', ['organisationId'])
export class WebhookSubscriptionEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'webhook_subscription_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @Column({ name: 'url', type: 'varchar', length: 2000 })
  url: string;

  @Column({ name: 'events', type: 'varchar', array: true })
  events: WebhookEvent[];

  @Column({ name: 'description', type: 'varchar', length: 200, nullable: true })
  description: string | null;

  /** Shown once when created; needed to sign every delivery. */
  @Column({ name: 'secret', type: 'varchar', length: 100 })
  secret: string;

  @Column({ name: 'active', type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true })
  createdByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** One event for one subscription, delivered by a job with retries and backoff. */
@Entity({ name: 'webhook_delivery' })
@Index('webhook_delivery_subscription_idx', ['subscriptionId', 'createdAt'])
@Check('webhook_delivery_status', `status IN (${inList(DELIVERY_STATUSES)})`)
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'subscription_id', type: 'uuid' })
  subscriptionId: string;

  @ManyToOne(() => WebhookSubscriptionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subscription_id', foreignKeyConstraintName: 'webhook_delivery_subscription_fk' })
  subscription?: WebhookSubscriptionEntity;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @Column({ name: 'event', type: 'varchar', length: 50 })
  event: WebhookEvent;

  /** The same for every subscription that receives the event. */
  @Column({ name: 'event_id', type: 'uuid' })
  eventId: string;

  @Column({ name: 'payload', type: 'jsonb' })
  payload: Record<string, unknown>;

  @Column({ name: 'status', type: 'varchar', length: 12, default: 'PENDING' })
  status: DeliveryStatus;

  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true })
  lastAttemptAt: Date | null;

  @Column({ name: 'last_response_status', type: 'integer', nullable: true })
  lastResponseStatus: number | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const NOTIFICATION_ENTITIES = [
  NotificationEntity,
  NotificationReadEntity,
  WebhookSubscriptionEntity,
  WebhookDeliveryEntity,
];
