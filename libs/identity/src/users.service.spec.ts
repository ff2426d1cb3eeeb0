import type { Principal, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { CredentialRevocations } from './credential-revocations';
import { IdentityErrorCode } from './identity.errors';
import type { OrganisationRepository } from './organisation.repository';
import type { RefreshTokenRepository } from './refresh-token.repository';
import type { UserEntity } from './identity.entities';
import type { UserRepository } from './user.repository';
import { UsersService } from './users.service';

const ASSEN = 'a0000000-0000-4000-8000-000000000106';
const admin: Principal = {
  kind: 'user',
  id: 'admin',
  userId: 'admin',
  apiKeyId: null,
  organisationId: ASSEN,
  organisationKind: 'MUNICIPALITY',
  municipalityCode: 'GM0106',
  roles: ['ORG_ADMIN', 'OFFICER'],
};

function officer(): UserEntity {
  return {
    id: 'u-2',
    organisationId: ASSEN,
    email: 'officer@assen.nl',
    name: 'Officer',
    passwordHash: 'hash',
    roles: ['OFFICER'],
    active: true,
    credentialsVersion: 0,
    lastLoginAt: null,
    createdAt: new Date('2025-01-01T00:00:00Z'),
    updatedAt: new Date('2025-01-01T00:00:00Z'),
  };
}

function setUp() {
  const audit = jest.fn();
  const tx = { principal: admin, isOperator: false, audit, manager: {} } as unknown as TenantTransaction;
  const db = { transaction: (work: (tx: TenantTransaction) => unknown) => work(tx) } as unknown as ScopedDatabase;
  const users = {
    findInOrganisation: jest.fn().mockResolvedValue(officer()),
    save: jest.fn((_tx: unknown, user: UserEntity) => Promise.resolve(user)),
    emailExists: jest.fn(),
    insert: jest.fn(),
    endCredentials: jest.fn().mockResolvedValue(1),
  };
  const organisations = {
    getById: jest.fn().mockResolvedValue({ id: ASSEN, kind: 'MUNICIPALITY' }),
    exists: jest.fn(),
  };
  const refreshTokens = { revokeForUser: jest.fn() };
  const revocations = new CredentialRevocations();
  const service = new UsersService(
    db,
    users as unknown as UserRepository,
    organisations as unknown as OrganisationRepository,
    refreshTokens as unknown as RefreshTokenRepository,
    revocations,
  );
  return { service, tx, audit, users, organisations, refreshTokens, revocations };
}

describe('UsersService', () => {
  it('deactivating a user ends their sessions and audits the change before and after', async () => {
    const { service, tx, audit, refreshTokens } = setUp();
    const dto = await service.update('u-2', { active: false });
    expect(dto.active).toBe(false);
    expect(refreshTokens.revokeForUser).toHaveBeenCalledWith(tx, 'u-2', 'user-changed');
    expect(audit.mock.calls).toMatchObject([
      [{ action: 'user.updated', entityId: 'u-2', before: { active: true }, after: { active: false } }],
    ]);
  });

  it('deactivating a user ends their access tokens in this process at once (credentials version raised)', async () => {
    const { service, tx, users, revocations } = setUp();
    const token = { userId: 'u-2', version: 0, sessionId: 's-1' };
    expect(revocations.allows(token)).toBe(true);
    await service.update('u-2', { active: false });
    expect(users.endCredentials).toHaveBeenCalledWith(tx, 'u-2');
    expect(revocations.allows(token)).toBe(false);
    expect(revocations.allows({ ...token, version: 1 })).toBe(true);
  });

  it('renaming a user keeps their sessions', async () => {
    const { service, refreshTokens, users } = setUp();
    expect((await service.update('u-2', { name: '  Nieuwe naam ' })).name).toBe('Nieuwe naam');
    expect(refreshTokens.revokeForUser).not.toHaveBeenCalled();
    expect(users.endCredentials).not.toHaveBeenCalled();
  });

  it('looks a user up in the caller’s own organisation only', async () => {
    const { service, tx, users } = setUp();
    users.findInOrganisation.mockResolvedValue(null);
    await expect(service.get('u-9')).rejects.toMatchObject({ code: IdentityErrorCode.UserNotFound });
    expect(users.findInOrganisation).toHaveBeenCalledWith(tx, 'u-9', ASSEN);
  });

  it('creating a user in another organisation is a 404 for an administrator, and writes nothing', async () => {
    const { service, users } = setUp();
    await expect(
      service.create({
        email: 'x@groningen.nl',
        name: 'X',
        roles: ['OFFICER'],
        password: 'een-lang-wachtwoord',
        organisationId: 'a0000000-0000-4000-8000-000000000014',
      }),
    ).rejects.toMatchObject({ code: IdentityErrorCode.OrganisationNotFound });
    expect(users.insert).not.toHaveBeenCalled();
  });

  it('refuses an e-mail address that already has an account (409)', async () => {
    const { service, users } = setUp();
    users.emailExists.mockResolvedValue(true);
    await expect(
      service.create({ email: 'Officer@Assen.nl', name: 'X', roles: ['OFFICER'], password: 'een-lang-wachtwoord' }),
    ).rejects.toMatchObject({
      code: IdentityErrorCode.EmailTaken,
      message: 'The e-mail address officer@assen.nl already has an account.',
    });
    expect(users.insert).not.toHaveBeenCalled();
  });
});
