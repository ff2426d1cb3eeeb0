import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { CredentialRevocations } from './credential-revocations';
import { hashPassword } from './credentials';
import { CreateUserDto, ListUsersQuery, UpdateUserDto, UserDto, UserPageDto } from './dto/users.dto';
import { emailTaken, userNotFound } from './identity.errors';
import {
  assertNoSelfLockout,
  assertRolesGrantable,
  changeEndsSessions,
  normaliseEmail,
  passwordProblems,
} from './identity.rules';
import { auditableUser, toUserDto } from './mappers';
import { OrganisationRepository } from './organisation.repository';
import { RefreshTokenRepository } from './refresh-token.repository';
import { resolveTargetOrganisation } from './target-organisation';
import { UserEntity } from './identity.entities';
import { UserRepository } from './user.repository';

@Injectable()
export class UsersService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly users: UserRepository,
    private readonly organisations: OrganisationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly revocations: CredentialRevocations,
  ) {}

  list(query: ListUsersQuery): Promise<UserPageDto> {
    return this.db.transaction(async (tx) => {
      const organisationId = await resolveTargetOrganisation(tx, this.organisations, query.organisation);
      const [users, total] = await this.users.page(tx, organisationId, {
        q: query.q,
        active: query.active === undefined ? null : query.active === 'true',
        sort: query.sort,
        page: query.page,
        limit: query.limit,
      });
      return { items: users.map(toUserDto), total, page: query.page, limit: query.limit };
    });
  }

  get(id: string): Promise<UserDto> {
    return this.db.transaction(async (tx) => toUserDto(await this.find(tx, id)));
  }

  create(dto: CreateUserDto): Promise<UserDto> {
    return this.db.transaction(async (tx) => {
      const organisationId = await resolveTargetOrganisation(tx, this.organisations, dto.organisationId);
      const organisation = await this.organisations.getById(tx, organisationId);
      const email = normaliseEmail(dto.email);
      assertRolesGrantable(tx.principal, dto.roles, organisation.kind);
      const problems = passwordProblems(dto.password, email);
      if (problems.length)
        throw new RequestValidationError(problems.map((message) => ({ field: 'password', message })));
      if (await this.users.emailExists(tx, email)) throw emailTaken(email);
      const user = await this.users.insert(tx, {
        organisationId,
        email,
        name: dto.name.trim(),
        roles: dto.roles,
        passwordHash: await hashPassword(dto.password),
        active: true,
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

  /**
   * A change of roles or deactivation ends the user's sessions and access tokens: the credentials
   * version rises (announced to every API process at commit) and this process knows it at once.
   */
  async update(id: string, dto: UpdateUserDto): Promise<UserDto> {
    const { updated, endedVersion } = await this.db.transaction(async (tx) => {
      const user = await this.find(tx, id);
      const before = auditableUser(user);
      assertNoSelfLockout(tx.principal, user, dto);
      if (dto.roles) {
        const organisation = await this.organisations.getById(tx, user.organisationId);
        assertRolesGrantable(tx.principal, dto.roles, organisation.kind);
        user.roles = dto.roles;
      }
      if (dto.name !== undefined) user.name = dto.name.trim();
      if (dto.active !== undefined) user.active = dto.active;
      const saved = await this.users.save(tx, user);
      let endedVersion: number | null = null;
      if (changeEndsSessions(dto)) {
        await this.refreshTokens.revokeForUser(tx, user.id, 'user-changed');
        endedVersion = await this.users.endCredentials(tx, user.id);
      }
      await tx.audit({
        action: 'user.updated',
        entityType: 'user',
        entityId: user.id,
        organisationId: user.organisationId,
        before,
        after: auditableUser(saved),
      });
      return { updated: toUserDto(saved), endedVersion };
    });
    if (endedVersion !== null) this.revocations.userChanged(id, endedVersion);
    return updated;
  }

  private async find(tx: TenantTransaction, id: string): Promise<UserEntity> {
    const user = await this.users.findInOrganisation(tx, id, tx.isOperator ? null : tx.principal.organisationId);
    if (!user) throw userNotFound(id);
    return user;
  }
}
