// The identity tables: organisations (the tenants), their users, API keys, refresh tokens, failed
// logins (for throttling) and the platform's own generated secrets.
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
  UpdateDateColumn,
} from 'typeorm';
import { inList } from '@wmo/common';
import { CompositeJoinColumn } from '@wmo/database';
import { ORGANISATION_KINDS, OrganisationKind, Role, ROLES } from '@wmo/tenancy';

/** The tenant. A municipality's organisation is created for every municipality in the reference data. */
@Entity({ name: 'organisation' })
@Check('organisation_kind', `kind IN (${inList(ORGANISATION_KINDS)})`)
@Check('organisation_municipality_link', `(kind = 'MUNICIPALITY') = (municipality_code IS NOT NULL)`)
@Unique('organisation_municipality_code_key', ['municipalityCode'])
export class OrganisationEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Column({ name: 'kind', type: 'varchar', length: 20 })
  kind: OrganisationKind;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'municipality_code', type: 'varchar', length: 6, nullable: true })
  municipalityCode: string | null;

  @ManyToOne('MunicipalityEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'municipality_code', foreignKeyConstraintName: 'organisation_municipality_fk' })
  /** A foreign key only: read it through @wmo/reference-data. */
  readonly municipality?: never;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

@Entity({ name: 'app_user' })
@Unique('app_user_email_key', ['email'])
// Lets other tables refer to a user together with its organisation, so a cross-tenant reference cannot exist.
@Unique('app_user_id_organisation_key', ['id', 'organisationId'])
@Check('app_user_email_lowercase', `email = lower(email)`)
@Check('app_user_roles', `roles <@ ARRAY[${inList(ROLES)}]::varchar[] AND cardinality(roles) > 0`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('app_user_organisation_idx')
  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'app_user_organisation_fk' })
  organisation?: OrganisationEntity;

  /** Stored in lower case: e-mail addresses are unique regardless of case. */
  @Column({ name: 'email', type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'name', type: 'varchar', length: 200 })
  name: string;

  /** argon2id. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ name: 'roles', type: 'varchar', array: true })
  roles: Role[];

  @Column({ name: 'active', type: 'boolean', default: true })
  active: boolean;

  /**
   * Raised by a change of roles or deactivation. Access tokens carry the version they were issued
   * with and are refused once it is older (see CredentialRevocations).
   */
  @Column({ name: 'credentials_version', type: 'integer', default: 0 })
  credentialsVersion: number;

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

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
  @CompositeJoinColumn('api_key_creator_fk', { created_by_user_id: 'id', organisation_id: 'organisationId' })
  createdBy?: UserEntity;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One refresh token (only its SHA-256 is stored). Tokens rotate: each use replaces the token with
 * a new one of the same family; presenting a used or revoked token again revokes the family.
 */
@Entity({ name: 'refresh_token' })
@Unique('refresh_token_hash_key', ['tokenHash'])
export class RefreshTokenEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'id' })
  id: string;

  @Index('refresh_token_family_idx')
  @Column({ name: 'family_id', type: 'uuid' })
  familyId: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organisation_id', type: 'uuid' })
  organisationId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @CompositeJoinColumn('refresh_token_user_fk', { user_id: 'id', organisation_id: 'organisationId' })
  user?: UserEntity;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  /** When it was exchanged for its successor. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revoked_reason', type: 'varchar', length: 50, nullable: true })
  revokedReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A failed login, per e-mail address (also for addresses that have no account), for throttling. */
@Entity({ name: 'login_failure' })
@Index('login_failure_email_time_idx', ['email', 'failedAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('identity', { name: 'id', type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Column({ name: 'email', type: 'varchar', length: 254 })
  email: string;

  @Column({ name: 'failed_at', type: 'timestamptz', default: () => 'now()' })
  failedAt: Date;
}

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
