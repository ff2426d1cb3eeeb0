import { passwordProblems, rolesAllowedFor } from './identity-rules';

describe('password rules', () => {
  it('accepts a long enough password', () => {
    expect(passwordProblems('correct-horse-battery', 'a@b.nl')).toEqual([]);
  });

  it('refuses fewer than 12 characters, with the reason', () => {
    expect(passwordProblems('welkom-demo', 'a@b.nl')).toEqual(['password must be at least 12 characters long']);
  });

  it('refuses the e-mail address, a single repeated character and common passwords', () => {
    expect(passwordProblems('Jan.Jansen@Assen.nl', 'jan.jansen@assen.nl')).toContain(
      'password must not be the e-mail address',
    );
    expect(passwordProblems('aaaaaaaaaaaaaa', 'a@b.nl')).toContain('password must not repeat a single character');
    expect(passwordProblems('Wachtwoord123', 'a@b.nl')).toContain('password is too common');
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
