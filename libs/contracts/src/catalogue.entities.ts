// The catalogue tables: duties (legal obligations), providers, and the services and channels a
// provider offers toward a duty, with the channels' closures.
import { inList } from '@wmo/common';
import { CompositeJoinColumn } from '@wmo/database';
import type { WeeklyInterval } from '@wmo/domain';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { CHANNEL_KINDS, ChannelKind } from './contracts.constants';

/** A legal obligation municipalities must meet, and which channels count toward it. */
@Entity({ name: 'duty' })
export class DutyEntity {
  @PrimaryColumn({ name: 'code', type: 'varchar', length: 50 })
  code: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'description', type: 'text' })
  description: string;

  @Column({ name: 'legal_basis', type: 'varchar', length: 200 })
  legalBasis: string;

  @Column({ name: 'in_force_from', type: 'date' })
  inForceFrom: string;

  /** Channel kinds that count toward the duty (e-mail may be offered but not count on its own). */
  @Column({ name: 'counting_channels', type: 'varchar', array: true })
  countingChannels: ChannelKind[];

  /** True when a counting channel must be available at every moment of the week. */
  @Column({ name: 'continuous_availability', type: 'boolean' })
  continuousAvailability: boolean;
}

/** The legal and billing details of a PROVIDER organisation (one row per provider, keyed by its organisation). */
@Entity({ name: 'provider' })
@Unique('provider_invoice_prefix_key', ['invoicePrefix'])
@Check('provider_kvk_format', `kvk_number ~ '^[0-9]{8}$'`)
@Check('provider_invoice_prefix_format', `invoice_prefix ~ '^[A-Z]{2,10}$'`)
export class ProviderEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @OneToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'provider_organisation_fk' })
  /** A foreign key only: read it through @wmo/identity. */
  readonly organisation?: never;

  @Column({ name: 'legal_name', type: 'varchar', length: 200 })
  legalName: string;

  @Column({ name: 'kvk_number', type: 'varchar', length: 8 })
  kvkNumber: string;

  @Column({ name: 'vat_id', type: 'varchar', length: 20, nullable: true })
  vatId: string | null;

  @Column({ name: 'iban', type: 'varchar', length: 34 })
  iban: string;

  @Column({ name: 'street', type: 'varchar', length: 200 })
  street: string;

  @Column({ name: 'postal_code', type: 'varchar', length: 10 })
  postalCode: string;

  @Column({ name: 'city', type: 'varchar', length: 100 })
  city: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2, default: 'NL' })
  countryCode: string;

  @Column({ name: 'email', type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** Invoice numbers are `<prefix>-<year>-<sequence>`, e.g. SEN-2025-000001. */
  @Column({ name: 'invoice_prefix', type: 'varchar', length: 10 })
  invoicePrefix: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** What a provider delivers toward a duty. */
@Entity({ name: 'service' })
@Unique('service_id_provider_key', ['id', 'providerId'])
export class ServiceEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('service_provider_idx')
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'service_provider_fk' })
  provider?: ProviderEntity;

  @Column({ name: 'duty_code', type: 'varchar', length: 50 })
  dutyCode: string;

  @ManyToOne(() => DutyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'duty_code', foreignKeyConstraintName: 'service_duty_fk' })
  duty?: DutyEntity;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'description', type: 'text', nullable: true })
  description: string | null;

  @OneToMany(() => ServiceChannelEntity, (channel) => channel.service)
  channels?: ServiceChannelEntity[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A way to reach a service, with its weekly hours in Europe/Amsterdam local time. */
@Entity({ name: 'service_channel' })
@Unique('service_channel_kind_key', ['serviceId', 'kind'])
@Unique('service_channel_id_provider_key', ['id', 'providerId'])
@Check('service_channel_kind', `kind IN (${inList(CHANNEL_KINDS)})`)
export class ServiceChannelEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'service_id', type: 'uuid' })
  serviceId: string;

  /** Copied from the service, so row-level security and the foreign key check the provider too. */
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ServiceEntity, (service) => service.channels, { onDelete: 'CASCADE' })
  @CompositeJoinColumn('service_channel_service_fk', { service_id: 'id', provider_id: 'providerId' })
  service?: ServiceEntity;

  @Column({ name: 'kind', type: 'varchar', length: 10 })
  kind: ChannelKind;

  /** Phone number, web address or e-mail address. */
  @Column({ name: 'contact', type: 'varchar', length: 200, nullable: true })
  contact: string | null;

  @Column({ name: 'schedule', type: 'jsonb' })
  schedule: WeeklyInterval[];

  @OneToMany(() => ChannelClosureEntity, (closure) => closure.channel)
  closures?: ChannelClosureEntity[];
}

/** A dated closure of a channel (maintenance, a holiday), overriding its weekly hours. */
@Entity({ name: 'channel_closure' })
@Check('channel_closure_order', `ends_at > starts_at`)
export class ChannelClosureEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('channel_closure_channel_idx')
  @Column({ name: 'channel_id', type: 'uuid' })
  channelId: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ServiceChannelEntity, (channel) => channel.closures, { onDelete: 'CASCADE' })
  @CompositeJoinColumn('channel_closure_channel_fk', { channel_id: 'id', provider_id: 'providerId' })
  channel?: ServiceChannelEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'reason', type: 'varchar', length: 300 })
  reason: string;
}
