import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

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
