import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { isOperator, Principal, Role, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { hashPassword } from './credentials';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, UserPageDto } from './dto/users.dto';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { normaliseEmail, passwordProblems, rolesAllowedFor } from './identity-rules';
import { auditableUser, toUserDto } from './mappers';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

const userNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.UserNotFound, `There is no user ${id} in your organisation.`);

@Injectable()
export class UsersService {
  constructor(private readonly db: ScopedDatabase) {}

  list(query: ListUsersQuery): Promise<UserPageDto> {
    return this.db.transaction(async (tx) => {
      const organisationId = await targetOrganisation(tx, query.organisation);
      const [users, total] = await tx.manager.getRepository(UserEntity).findAndCount({
        where: { organisationId },
        order: { email: 'ASC' },
        skip: (query.page - 1) * query.limit,
        take: query.limit,
      });
      return { items: users.map(toUserDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<UserDto> {
    return this.db.transaction(async (tx) => toUserDto(await this.find(tx, id)));
  }

  create(dto: CreateUserDto): Promise<UserDto> {
    return this.db.transaction(async (tx) => {
      const organisationId = await targetOrganisation(tx, dto.organisationId);
      const organisation = await tx.manager.findOneByOrFail(OrganisationEntity, { id: organisationId });
      const email = normaliseEmail(dto.email);
      assertRolesGrantable(tx.principal, dto.roles, organisation);
      const problems = passwordProblems(dto.password, email);
      if (problems.length)
        throw new RequestValidationError(problems.map((message) => ({ field: 'password', message })));
      const taken = await tx.manager.query<unknown[]>(`SELECT 1 FROM app_user WHERE email = $1`, [email]);
      // RLS hides other organisations' users, so the unique key is the final word on duplicates.
      if (taken.length) throw emailTaken(email);
      const user = await tx.manager
        .getRepository(UserEntity)
        .save({
          organisationId,
          email,
          name: dto.name.trim(),
          roles: dto.roles,
          passwordHash: await hashPassword(dto.password),
          active: true,
        })
        .catch((error: { code?: string }) => {
          throw error.code === '23505' ? emailTaken(email) : error;
        });
      await tx.audit({
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        organisationId,
        after: auditableUser(user),
      });
      return toUserDto(user);
    });
  }

  update(id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.db.transaction(async (tx) => {
      const user = await this.find(tx, id);
      const before = auditableUser(user);
      const self = user.id === tx.principal.userId;
      if (self && dto.active === false)
        throw new IdentityError(IdentityErrorCode.SelfLockout, 'You cannot deactivate yourself.');
      if (self && dto.roles && user.roles.includes('ORG_ADMIN') && !dto.roles.includes('ORG_ADMIN')) {
        throw new IdentityError(
          IdentityErrorCode.SelfLockout,
          'You cannot take away your own ORG_ADMIN role; ask another administrator.',
        );
      }
      if (dto.roles) {
        const organisation = await tx.manager.findOneByOrFail(OrganisationEntity, { id: user.organisationId });
        assertRolesGrantable(tx.principal, dto.roles, organisation);
        user.roles = dto.roles;
      }
      if (dto.name !== undefined) user.name = dto.name.trim();
      if (dto.active !== undefined) user.active = dto.active;
      const saved = await tx.manager.getRepository(UserEntity).save(user);
      if (dto.active === false || dto.roles) {
        // Sessions carry the old roles or a deactivated user: end them.
        await tx.manager.query(
          `UPDATE refresh_token SET revoked_at = now(), revoked_reason = 'user-changed' WHERE user_id = $1 AND revoked_at IS NULL`,
          [user.id],
        );
      }
      await tx.audit({
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        before,
        after: auditableUser(saved),
      });
      return toUserDto(saved);
    });
  }

  private async find(tx: TenantTransaction, id: string): Promise<UserEntity> {
    const user = await tx.manager
      .getRepository(UserEntity)
      .findOneBy(tx.isOperator ? { id } : { id, organisationId: tx.principal.organisationId });
    if (!user) throw userNotFound(id);
    return user;
  }
}

const emailTaken = (email: string) =>
  new IdentityError(IdentityErrorCode.EmailTaken, `The e-mail address ${email} already has an account.`);

/** The caller's own organisation, or for an operator the one asked for; another tenant's is a 404, as if it did not exist. */
export async function targetOrganisation(tx: TenantTransaction, requested: string | undefined): Promise<string> {
  const own = tx.principal.organisationId;
  if (!requested || requested === own) return own;
  if (!isOperator(tx.principal)) throw organisationNotFound(requested);
  const exists = await tx.manager.existsBy(OrganisationEntity, { id: requested });
  if (!exists) throw organisationNotFound(requested);
  return requested;
}

export const organisationNotFound = (id: string) =>
  new IdentityError(IdentityErrorCode.OrganisationNotFound, `There is no organisation ${id}.`);

function assertRolesGrantable(principal: Principal, roles: Role[], organisation: OrganisationEntity): void {
  const allowed = rolesAllowedFor(organisation.kind);
  const misfits = roles.filter((role) => !allowed.includes(role));
  if (misfits.length) {
    throw new IdentityError(
      IdentityErrorCode.RolesTooWide,
      `${misfits.join(', ')} cannot be given in an organisation of kind ${organisation.kind}; allowed: ${allowed.join(', ')}.`,
    );
  }
  if (roles.includes('OPERATOR') && !isOperator(principal)) {
    throw new IdentityError(IdentityErrorCode.RolesTooWide, 'Only an OPERATOR can make someone an OPERATOR.');
  }
}
