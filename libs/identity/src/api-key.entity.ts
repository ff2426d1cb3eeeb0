import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Role } from '@wmo/tenancy';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/** A machine client's key (a municipality's ERP fetching invoices). Only the SHA-256 of the secret is stored. */
@Entity({ name: 'api_key' })
@Unique('api_key_hash_key', ['keyHash'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('api_key_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'api_key_organisation_fk' })
  organisation?: OrganisationEntity;

  @Column({ name: 'name', type: 'varchar', length: 100 })
  name: string;

  /** The first characters of the key, to recognise it in lists. */
  @Column({ name: 'prefix', type: 'varchar', length: 16 })
  prefix: string;

  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'roles', type: 'varchar', array: true })
  roles: Role[];

  @Column({ name: 'created_by_user_id', type: 'uuid' })
  createdByUserId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'created_by_user_id', referencedColumnName: 'id', foreignKeyConstraintName: 'api_key_creator_fk' },
    { name: 'organisation_id', referencedColumnName: 'organisationId', foreignKeyConstraintName: 'api_key_creator_fk' },
  ])
  createdBy?: UserEntity;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
