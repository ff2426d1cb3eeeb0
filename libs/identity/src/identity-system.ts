import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReferenceDataReader } from '@wmo/reference-data';
import { PlatformTransaction, Role, Transaction, unscopedAsPlatform } from '@wmo/tenancy';
import { hashPassword } from './credentials';
import { InstanceSecretRepository } from './instance-secret.repository';
import { municipalityOrganisationName, normaliseEmail } from './identity.rules';
import { OrganisationEntity } from './identity.entities';
import { OrganisationRepository } from './organisation.repository';
import { UserRepository } from './user.repository';

// Start-up, seeding and the command line run without the Nest container; the repositories are stateless.
const organisations = new OrganisationRepository();
const users = new UserRepository();
const secrets = new InstanceSecretRepository();

/** One organisation per municipality in the reference data, named after it; also for municipalities added later. */
export async function ensureMunicipalityOrganisations(
  dataSource: DataSource,
  referenceData: ReferenceDataReader = new ReferenceDataReader(),
): Promise<void> {
  await unscopedAsPlatform(dataSource, async (tx) => {
    const municipalities = await referenceData.municipalities(tx, null);
    await organisations.upsertMunicipalities(
      tx,
      municipalities.map(({ code, name }) => ({ code, name: municipalityOrganisationName(name) })),
    );
  });
}

/** The JWT signing key: JWT_SECRET when configured, otherwise generated once and shared through the database. */
export function instanceSecret(dataSource: DataSource, name: string): Promise<string> {
  return unscopedAsPlatform(dataSource, (tx) => secrets.getOrCreate(tx, name, randomBytes(48).toString('base64url')));
}

export interface UserSeed {
  email: string;
  name: string;
  roles: Role[];
  organisation: { kind: OrganisationEntity['kind']; name: string; municipalityCode?: string };
}

/**
 * Creates (or finds) the organisation and creates or updates the user; returns whether the user
 * is new. For seeding, in a platform transaction.
 */
export async function upsertUser(transaction: Transaction, seed: UserSeed, password: string): Promise<boolean> {
  const organisation = await findOrCreateOrganisation(transaction, seed.organisation);
  const email = normaliseEmail(seed.email);
  const existing = await users.findByEmail(transaction, email);
  await users.upsertByEmail(transaction, {
    email,
    name: seed.name,
    roles: seed.roles,
    organisationId: organisation.id,
    passwordHash: await seedPasswordHash(password),
    active: true,
  });
  // Other API processes may be running with this user's access tokens: a change of roles ends them.
  const sameRoles = existing && [...existing.roles].sort().join() === [...seed.roles].sort().join();
  if (existing && !sameRoles) await users.endCredentials(transaction, existing.id);
  return !existing;
}

/** The organisation (a municipality's by its code), created if missing; for seeding, in a platform transaction. Answers its id. */
export async function ensureOrganisation(tx: Transaction, seed: UserSeed['organisation']): Promise<string> {
  return (await findOrCreateOrganisation(tx, seed)).id;
}

async function findOrCreateOrganisation(tx: Transaction, seed: UserSeed['organisation']): Promise<OrganisationEntity> {
  if (seed.municipalityCode) {
    const [organisation] = await organisations.findByMunicipalityCodes(tx, [seed.municipalityCode]);
    if (!organisation) throw new Error(`There is no organisation for municipality ${seed.municipalityCode}.`);
    return organisation;
  }
  const found = await organisations.findByKindAndName(tx, seed.kind, seed.name);
  return found ?? organisations.insert(tx, { kind: seed.kind, name: seed.name });
}

/** The platform's own organisation, where operators belong. */
const PLATFORM_ORGANISATION = 'Platformbeheer';

/**
 * A platform operator (OPERATOR and ORG_ADMIN) in the platform's own organisation, for the first
 * operator of a production database (the command line). An address that already has an account
 * is left alone: `created` is then false.
 */
export async function createPlatformOperator(
  tx: PlatformTransaction,
  operator: { email: string; name: string; password: string },
): Promise<{ created: boolean; email: string; organisation: string }> {
  const email = normaliseEmail(operator.email);
  const result = { email, organisation: PLATFORM_ORGANISATION };
  if (await users.emailExists(tx, email)) return { created: false, ...result };
  await upsertUser(
    tx,
    {
      email,
      name: operator.name,
      roles: ['OPERATOR', 'ORG_ADMIN'],
      organisation: { kind: 'OPERATOR', name: PLATFORM_ORGANISATION },
    },
    operator.password,
  );
  return { created: true, ...result };
}

let lastSeedHash: { password: string; hash: Promise<string> } | null = null;

/**
 * The demo logins share one password and are seeded at every start: one argon2id hash (with its
 * salt) serves them all, instead of one per login (about 150 ms each, at every start).
 */
function seedPasswordHash(password: string): Promise<string> {
  if (lastSeedHash?.password !== password) lastSeedHash = { password, hash: hashPassword(password) };
  return lastSeedHash.hash;
}
