import type { Principal, Role } from '@wmo/tenancy';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import {
  apiKeyUseWorthRecording,
  assertApiKeyGrantable,
  assertNoSelfLockout,
  assertRolesGrantable,
  changeEndsSessions,
  municipalityOrganisationName,
  normaliseEmail,
  passwordProblems,
  rolesAllowedFor,
  signInThrottled,
  targetOrganisation,
} from './identity.rules';

const ASSEN = 'a0000000-0000-4000-8000-000000000106';
const GRONINGEN = 'a0000000-0000-4000-8000-000000000014';

const user = (roles: Role[], overrides: Partial<Principal> = {}): Principal => ({
  kind: 'user',
  id: 'u-1',
  userId: 'u-1',
  apiKeyId: null,
  organisationId: ASSEN,
  organisationKind: 'MUNICIPALITY',
  municipalityCode: 'GM0106',
  roles,
  ...overrides,
});
const assenAdmin = user(['ORG_ADMIN', 'OFFICER']);
const operator = user(['OPERATOR'], { organisationId: 'p-1', organisationKind: 'OPERATOR', municipalityCode: null });
const apiKey = user(['ORG_ADMIN'], { kind: 'api-key', id: 'k-1', userId: null, apiKeyId: 'k-1' });

/** The error `work` throws, for asserting its code, status and text. */
function thrown(work: () => unknown): IdentityError {
  try {
    work();
  } catch (error) {
    if (error instanceof IdentityError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}

describe('password rules', () => {
  it('accepts a long enough password', () => {
    expect(passwordProblems('correct-horse-battery', 'a@b.nl')).toEqual([]);
  });

  it('refuses fewer than 12 characters, with the reason', () => {
    expect(passwordProblems('welkom-demo', 'a@b.nl')).toEqual(['password must be at least 12 characters long']);
  });

  it('refuses more than 200 characters', () => {
    expect(passwordProblems('x'.repeat(100) + 'y'.repeat(101), 'a@b.nl')).toEqual([
      'password must be at most 200 characters long',
    ]);
  });

  it('refuses the e-mail address, a single repeated character and common passwords', () => {
    expect(passwordProblems('Jan.Jansen@Assen.nl', 'jan.jansen@assen.nl')).toContain(
      'password must not be the e-mail address',
    );
    expect(passwordProblems('aaaaaaaaaaaaaa', 'a@b.nl')).toContain('password must not repeat a single character');
    expect(passwordProblems('Wachtwoord123', 'a@b.nl')).toContain('password is too common');
  });
});

describe('e-mail addresses', () => {
  it('are compared trimmed and in lower case', () => {
    expect(normaliseEmail('  Jan.Jansen@Assen.NL ')).toBe('jan.jansen@assen.nl');
  });
});

describe('roles per kind of organisation', () => {
  it('gives a municipality officers, finance and administrators, never contract or provider roles', () => {
    expect(rolesAllowedFor('MUNICIPALITY')).toEqual(['OFFICER', 'FINANCE', 'ORG_ADMIN']);
    expect(rolesAllowedFor('PROVIDER')).toContain('PROVIDER_ADMIN');
    expect(rolesAllowedFor('ASSOCIATION')).toContain('CONTRACT_MANAGER');
    expect(rolesAllowedFor('MUNICIPALITY')).not.toContain('OPERATOR');
  });
});

describe('which roles a principal may grant a user', () => {
  it('lets an administrator give roles that fit the kind of organisation and that they hold', () => {
    expect(() => assertRolesGrantable(assenAdmin, ['OFFICER', 'ORG_ADMIN'], 'MUNICIPALITY')).not.toThrow();
  });

  it('refuses a role the administrator does not hold (422), naming it', () => {
    const error = thrown(() => assertRolesGrantable(assenAdmin, ['OFFICER', 'FINANCE'], 'MUNICIPALITY'));
    expect([error.code, error.httpStatus(), error.message]).toEqual([
      IdentityErrorCode.RolesTooWide,
      422,
      'You can only give roles you have yourself; you do not have FINANCE.',
    ]);
  });

  it('an API key holding only ORG_ADMIN cannot make a CONTRACT_MANAGER (422)', () => {
    const vngKey = user(['ORG_ADMIN'], {
      kind: 'api-key',
      id: 'k-2',
      userId: null,
      apiKeyId: 'k-2',
      organisationKind: 'ASSOCIATION',
      municipalityCode: null,
    });
    const error = thrown(() => assertRolesGrantable(vngKey, ['CONTRACT_MANAGER', 'ORG_ADMIN'], 'ASSOCIATION'));
    expect([error.code, error.httpStatus()]).toEqual([IdentityErrorCode.RolesTooWide, 422]);
    expect(error.message).toContain('you do not have CONTRACT_MANAGER');
    expect(() => assertRolesGrantable(vngKey, ['ORG_ADMIN'], 'ASSOCIATION')).not.toThrow();
  });

  it('an operator holds every role, so grants any that fits', () => {
    expect(() => assertRolesGrantable(operator, ['OFFICER', 'FINANCE', 'ORG_ADMIN'], 'MUNICIPALITY')).not.toThrow();
  });

  it('refuses a role that does not fit the organisation (422), naming the roles that do', () => {
    const error = thrown(() => assertRolesGrantable(assenAdmin, ['OFFICER', 'CONTRACT_MANAGER'], 'MUNICIPALITY'));
    expect([error.code, error.httpStatus(), error.message]).toEqual([
      IdentityErrorCode.RolesTooWide,
      422,
      'CONTRACT_MANAGER cannot be given in an organisation of kind MUNICIPALITY; allowed: OFFICER, FINANCE, ORG_ADMIN.',
    ]);
  });

  it('lets only an operator make someone an operator', () => {
    expect(thrown(() => assertRolesGrantable(assenAdmin, ['OPERATOR'], 'OPERATOR')).message).toBe(
      'Only an OPERATOR can make someone an OPERATOR.',
    );
    expect(() => assertRolesGrantable(operator, ['OPERATOR', 'ORG_ADMIN'], 'OPERATOR')).not.toThrow();
  });
});

describe('which roles an API key may get', () => {
  it('is made by a signed-in user, never by another key (403)', () => {
    const error = thrown(() => assertApiKeyGrantable(apiKey, ['OFFICER']));
    expect([error.code, error.httpStatus()]).toEqual([IdentityErrorCode.NotForApiKeys, 403]);
  });

  it('has no role its creator lacks (422)', () => {
    const error = thrown(() => assertApiKeyGrantable(assenAdmin, ['OFFICER', 'FINANCE']));
    expect([error.code, error.message]).toEqual([
      IdentityErrorCode.RolesTooWide,
      'A key cannot have roles you do not have yourself: FINANCE.',
    ]);
  });

  it('may have any role when an operator (who has them all) creates it', () => {
    expect(() => assertApiKeyGrantable(operator, ['FINANCE', 'OFFICER'])).not.toThrow();
  });
});

describe('the organisation a request is about', () => {
  it('is the caller’s own when none or the own one is asked for, without a further check', () => {
    expect(targetOrganisation(assenAdmin, undefined)).toEqual({ organisationId: ASSEN, mustExist: false });
    expect(targetOrganisation(assenAdmin, ASSEN)).toEqual({ organisationId: ASSEN, mustExist: false });
  });

  it('is a 404 for anyone but an operator asking for another organisation', () => {
    const error = thrown(() => targetOrganisation(assenAdmin, GRONINGEN));
    expect([error.code, error.httpStatus(), error.message]).toEqual([
      IdentityErrorCode.OrganisationNotFound,
      404,
      `There is no organisation ${GRONINGEN}.`,
    ]);
  });

  it('is the one an operator asks for, which must then be checked to exist', () => {
    expect(targetOrganisation(operator, GRONINGEN)).toEqual({ organisationId: GRONINGEN, mustExist: true });
  });
});

describe('changing a user', () => {
  const self = { id: 'u-1', roles: ['ORG_ADMIN', 'OFFICER'] as Role[] };
  const colleague = { id: 'u-2', roles: ['ORG_ADMIN'] as Role[] };

  it('refuses deactivating yourself (409)', () => {
    const error = thrown(() => assertNoSelfLockout(assenAdmin, self, { active: false }));
    expect([error.code, error.httpStatus(), error.message]).toEqual([
      IdentityErrorCode.SelfLockout,
      409,
      'You cannot deactivate yourself.',
    ]);
  });

  it('refuses dropping your own ORG_ADMIN role, but not changing your other roles', () => {
    expect(thrown(() => assertNoSelfLockout(assenAdmin, self, { roles: ['OFFICER'] })).message).toBe(
      'You cannot take away your own ORG_ADMIN role; ask another administrator.',
    );
    expect(() => assertNoSelfLockout(assenAdmin, self, { roles: ['ORG_ADMIN'] })).not.toThrow();
  });

  it('lets an administrator deactivate a colleague or drop their ORG_ADMIN role', () => {
    expect(() => assertNoSelfLockout(assenAdmin, colleague, { active: false, roles: ['OFFICER'] })).not.toThrow();
  });

  it('never counts an API key as the user it changes', () => {
    expect(() => assertNoSelfLockout(apiKey, { id: 'u-1', roles: ['ORG_ADMIN'] }, { active: false })).not.toThrow();
  });

  it('ends the user’s sessions when deactivating or changing roles, not when renaming or activating', () => {
    expect(changeEndsSessions({ active: false })).toBe(true);
    expect(changeEndsSessions({ roles: ['OFFICER'] })).toBe(true);
    expect(changeEndsSessions({ active: true })).toBe(false);
    expect(changeEndsSessions({})).toBe(false);
  });
});

describe('the sign-in throttle', () => {
  it('lets a fourth failure within the window pass', () => {
    expect(signInThrottled({ failures: 4, retryAfter: 600 })).toBeNull();
  });

  it('locks the address after five failures: 429 with Retry-After until the oldest leaves the window', () => {
    const error = signInThrottled({ failures: 5, retryAfter: 841 })!;
    expect([error.code, error.httpStatus(), error.headers(), error.message]).toEqual([
      IdentityErrorCode.LoginThrottled,
      429,
      { 'Retry-After': '841' },
      'Too many failed sign-in attempts for this e-mail address. Try again in 15 minute(s).',
    ]);
  });

  it('waits at least one second, and the whole window when the database gives no time', () => {
    expect(signInThrottled({ failures: 6, retryAfter: 0 })!.retryAfterSeconds).toBe(1);
    expect(signInThrottled({ failures: 5, retryAfter: null })!.retryAfterSeconds).toBe(900);
  });
});

describe('recording an API key’s use', () => {
  const now = new Date('2025-03-01T12:00:00Z');

  it('is done on the first use and then at most every five minutes', () => {
    expect(apiKeyUseWorthRecording(null, now)).toBe(true);
    expect(apiKeyUseWorthRecording(new Date('2025-03-01T11:56:00Z'), now)).toBe(false);
    expect(apiKeyUseWorthRecording(new Date('2025-03-01T11:54:59Z'), now)).toBe(true);
  });
});

describe('a municipality’s organisation', () => {
  it('is named after the municipality', () => {
    expect(municipalityOrganisationName("'s-Gravenhage")).toBe("Gemeente 's-Gravenhage");
  });
});
