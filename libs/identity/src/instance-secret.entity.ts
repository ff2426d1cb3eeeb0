import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Secrets the platform generates for itself when none is configured (the JWT signing key), so
 * that every process on one database shares them. Only the owner role can read this table.
 */
@Entity({ name: 'instance_secret' })
export class InstanceSecretEntity {
  @PrimaryColumn({ name: 'name', type: 'varchar', length: 50 })
  name: string;

  @Column({ name: 'value', type: 'text' })
  value: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
