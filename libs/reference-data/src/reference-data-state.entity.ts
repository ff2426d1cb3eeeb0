import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Which version of a bundled data set is loaded, so start-up skips an unchanged one. */
@Entity({ name: 'reference_data_state' })
export class ReferenceDataStateEntity {
  @PrimaryColumn({ name: 'name', type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'checksum', type: 'varchar', length: 64 })
  checksum: string;

  @Column({ name: 'loaded_at', type: 'timestamptz' })
  loadedAt: Date;
}
