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
  UpdateDateColumn,
} from 'typeorm';
import { Role, ROLES } from '@wmo/tenancy';
import { OrganisationEntity } from './organisation.entity';

@Entity({ name: 'app_user' })
@Unique('app_user_email_key', ['email'])
// Lets other tables refer to a user together with its organisation, so a cross-tenant reference cannot exist.
@Unique('app_user_id_organisation_key', ['id', 'organisationId'])
@Check('app_user_email_lowercase', `email = lower(email)`)
@Check(
  'app_user_roles',
  `roles <@ ARRAY[${ROLES.map((r) => `'${r}'`).join(', ')}]::varchar[] AND cardinality(roles) > 0`,
)
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

  @Column({ name: 'last_login_at', type: 'timestamptz', nullable: true })
  lastLoginAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
