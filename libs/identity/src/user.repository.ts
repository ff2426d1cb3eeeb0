import { Injectable } from '@nestjs/common';
import type { Role, Transaction } from '@wmo/tenancy';
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

  /** A page of an organisation's users, by e-mail address, with how many it has. */
  page(tx: Transaction, organisationId: string, page: number, limit: number): Promise<[UserEntity[], number]> {
    return tx.manager.findAndCount(UserEntity, {
      where: { organisationId },
      order: { email: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
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

  async recordLogin(tx: Transaction, id: string, at: Date): Promise<void> {
    await tx.manager.update(UserEntity, { id }, { lastLoginAt: at });
  }

  /** Creates the user, or (by e-mail address) updates it; for seeding and the command line. */
  async upsertByEmail(tx: Transaction, user: NewUser): Promise<void> {
    await tx.manager.upsert(UserEntity, user, ['email']);
  }
}
