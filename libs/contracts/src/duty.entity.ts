import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ChannelKind } from './contracts.constants';

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
