// The statistics table: providers' national service figures per period, and the shapes of its JSON columns.
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { ChannelKind } from '@wmo/contracts';

export interface ChannelCount {
  kind: ChannelKind;
  /** Conversations held (telephone calls, chats, e-mails). */
  conversations: number;
  /** Of those, answered; null when the provider does not report it. */
  answered: number | null;
}

export interface TopicShare {
  topic: string;
  /** The share of conversations about the topic, 0 to 1, as an exact decimal ("0.0500"). */
  share: string;
}

/**
 * A provider's national service figures for a period: never per municipality, the help is
 * anonymous. Periods of one provider never overlap (checked under a lock when recorded).
 */
@Entity({ name: 'service_statistic' })
@Unique('service_statistic_period_key', ['providerId', 'periodStart', 'periodEnd'])
@Check('service_statistic_period', `period_end >= period_start`)
export class ServiceStatisticEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('service_statistic_provider_idx')
  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne('ProviderEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({
    name: 'provider_id',
    referencedColumnName: 'organisationId',
    foreignKeyConstraintName: 'service_statistic_provider_fk',
  })
  /** A foreign key only: read it through @wmo/contracts. */
  readonly provider?: never;

  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ name: 'period_end', type: 'date' })
  periodEnd: string;

  @Column({ name: 'channels', type: 'jsonb' })
  channels: ChannelCount[];

  @Column({ name: 'topics', type: 'jsonb', default: () => `'[]'` })
  topics: TopicShare[];

  /** Where the figures come from (an annual report, a factsheet). */
  @Column({ name: 'source', type: 'varchar', length: 300, nullable: true })
  source: string | null;

  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true })
  recordedByUserId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

export const STATISTICS_ENTITIES = [ServiceStatisticEntity];
