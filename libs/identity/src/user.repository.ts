import { Injectable } from '@nestjs/common';
import { containsPattern, parseSort, SortValue } from '@wmo/common';
import type { Role, Transaction } from '@wmo/tenancy';
import { CREDENTIALS_CHANNEL } from './credential-revocations';
import { emailTaken } from './identity.errors';
import { UserEntity } from './identity.entities';

export interface NewUser {
  organisationId: string;
  email: string;
  name: string;
  roles: Role[];
  passwordHash: string;
  active: boolean;
}

export interface UserFilter {
  q?: string;
  /** Null: active and deactivated users. */
  active: boolean | null;
  sort: SortValue<'name' | 'email' | 'createdAt' | 'lastLoginAt'>;
  page: number;
  limit: number;
}

@Injectable()
export class UserRepository {
  findById(tx: Transaction, id: string): Promise<UserEntity | null> {
    return tx.manager.findOneBy(UserEntity, { id });
  }

  /** A user of `organisationId` (null: of any organisation the transaction may see). */
  findInOrganisation(tx: Transaction, id: string, organisationId: string | null): Promise<UserEntity | null> {
    return tx.manager.findOneBy(UserEntity, organisationId === null ? { id } : { id, organisationId });
  }

  findByEmail(tx: Transaction, email: string): Promise<UserEntity | null> {
    return tx.manager.findOneBy(UserEntity, { email });
  }

  async emailExists(tx: Transaction, email: string): Promise<boolean> {
    const rows = await tx.manager.query<unknown[]>(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
    return rows.length > 0;
  }

  /** A page of an organisation's users that match the filter, in the asked order, with how many match. */
  page(tx: Transaction, organisationId: string, filter: UserFilter): Promise<[UserEntity[], number]> {
    const { field, descending } = parseSort(filter.sort);
    const query = tx.manager
      .createQueryBuilder(UserEntity, 'u')
      .where('u.organisationId = :organisationId', { organisationId });
    const pattern = containsPattern(filter.q);
    if (pattern) query.andWhere('(u.name ILIKE :pattern OR u.email ILIKE :pattern)', { pattern });
    if (filter.active !== null) query.andWhere('u.active = :active', { active: filter.active });
    return query
      .orderBy(`u.${field}`, descending ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('u.id')
      .skip((filter.page - 1) * filter.limit)
      .take(filter.limit)
      .getManyAndCount();
  }

  /**
   * Inserts a user. Row-level security hides other organisations' users, so the unique key is the
   * final word on an e-mail address that already has an account.
   */
  async insert(tx: Transaction, user: NewUser): Promise<UserEntity> {
    try {
      return await tx.manager.getRepository(UserEntity).save(user);
    } catch (error) {
      throw (error as { code?: string }).code === '23505' ? emailTaken(user.email) : error;
    }
  }

  /** Writes a changed user back; returns it with its new update time. */
  save(tx: Transaction, user: UserEntity): Promise<UserEntity> {
    return tx.manager.getRepository(UserEntity).save(user);
  }

  /**
   * Records a sign-in and answers the user as it is now (roles, active state and credentials
   * version read together, so a token issued from them is consistent); null when it is gone.
   */
  async recordLogin(
    tx: Transaction,
    id: string,
    at: Date,
  ): Promise<Pick<UserEntity, 'roles' | 'active' | 'credentialsVersion'> | null> {
    const [rows] = await tx.manager.query<[{ roles: Role[]; active: boolean; credentialsVersion: number }[], number]>(
      `UPDATE app_user SET last_login_at = $2 WHERE id = $1
       RETURNING roles, active, credentials_version AS "credentialsVersion"`,
      [id, at],
    );
    return rows[0] ?? null;
  }

  /**
   * Ends every access token of the user: raises the credentials version and announces it on
   * CREDENTIALS_CHANNEL, delivered to every API process when the transaction commits. Answers the
   * new version.
   */
  async endCredentials(tx: Transaction, id: string): Promise<number> {
    const [{ version }] = await tx.manager.query<[{ version: number }]>(
      `WITH raised AS (
         UPDATE app_user SET credentials_version = credentials_version + 1 WHERE id = $1 RETURNING credentials_version
       )
       SELECT credentials_version AS version,
              pg_notify($2, json_build_object('user', $1::text, 'version', credentials_version)::text)
         FROM raised`,
      [id, CREDENTIALS_CHANNEL],
    );
    return version;
  }

  /** Every user whose credentials ever changed, with the version: what a starting process must know. */
  credentialVersions(tx: Transaction): Promise<{ id: string; version: number }[]> {
    return tx.manager.query(`SELECT id, credentials_version AS version FROM app_user WHERE credentials_version > 0`);
  }

  /** Creates the user, or (by e-mail address) updates it; for seeding and the command line. */
  async upsertByEmail(tx: Transaction, user: NewUser): Promise<void> {
    await tx.manager.upsert(UserEntity, user, ['email']);
  }
}
