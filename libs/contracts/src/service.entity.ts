import { inList } from '@wmo/common';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { CHANNEL_KINDS, ChannelKind } from './contracts.constants';
import type { WeeklyInterval } from '@wmo/domain';
import { DutyEntity } from './duty.entity';
import { ProviderEntity } from './provider.entity';

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
  @JoinColumn([
    { name: 'service_id', referencedColumnName: 'id', foreignKeyConstraintName: 'service_channel_service_fk' },
    { name: 'provider_id', referencedColumnName: 'providerId', foreignKeyConstraintName: 'service_channel_service_fk' },
  ])
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
  @JoinColumn([
    { name: 'channel_id', referencedColumnName: 'id', foreignKeyConstraintName: 'channel_closure_channel_fk' },
    { name: 'provider_id', referencedColumnName: 'providerId', foreignKeyConstraintName: 'channel_closure_channel_fk' },
  ])
  channel?: ServiceChannelEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'reason', type: 'varchar', length: 300 })
  reason: string;
}
