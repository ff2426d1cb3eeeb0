import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Role, unscopedAsPlatform } from '@wmo/tenancy';
import { hashPassword } from './credentials';
import { InstanceSecretEntity } from './instance-secret.entity';
import { normaliseEmail } from './identity-rules';
import { OrganisationEntity } from './organisation.entity';
import { UserEntity } from './user.entity';

/** One organisation per municipality in the reference data, named after it; also for municipalities added later. */
export async function ensureMunicipalityOrganisations(dataSource: DataSource): Promise<void> {
  await unscopedAsPlatform(dataSource, async ({ manager }) => {
    await manager.query(
      `INSERT INTO organisation (kind, name, municipality_code)
       SELECT 'MUNICIPALITY', 'Gemeente ' || m.name, m.code FROM municipality m
       ON CONFLICT (municipality_code) DO UPDATE SET name = EXCLUDED.name WHERE organisation.name IS DISTINCT FROM EXCLUDED.name`,
    );
  });
}

/** The JWT signing key: JWT_SECRET when configured, otherwise generated once and shared through the database. */
export async function instanceSecret(dataSource: DataSource, name: string): Promise<string> {
  await dataSource.query(`INSERT INTO instance_secret (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`, [
    name,
    randomBytes(48).toString('base64url'),
  ]);
  const [row] = await dataSource.getRepository(InstanceSecretEntity).findBy({ name });
  return row.value;
}

export interface UserSeed {
  email: string;
  name: string;
  roles: Role[];
  organisation: { kind: OrganisationEntity['kind']; name: string; municipalityCode?: string };
}

/** Creates (or finds) the organisation and creates or updates the user; returns whether the user is new. */
export async function upsertUser(manager: EntityManager, seed: UserSeed, password: string): Promise<boolean> {
  const organisation = await findOrCreateOrganisation(manager, seed.organisation);
  const email = normaliseEmail(seed.email);
  const existing = await manager.findOneBy(UserEntity, { email });
  await manager.upsert(
    UserEntity,
    {
      email,
      name: seed.name,
      roles: seed.roles,
      organisationId: organisation.id,
      passwordHash: await hashPassword(password),
      active: true,
    },
    ['email'],
  );
  return !existing;
}

async function findOrCreateOrganisation(
  manager: EntityManager,
  seed: UserSeed['organisation'],
): Promise<OrganisationEntity> {
  if (seed.municipalityCode)
    return manager.findOneByOrFail(OrganisationEntity, { municipalityCode: seed.municipalityCode });
  const found = await manager.findOneBy(OrganisationEntity, { kind: seed.kind, name: seed.name });
  return (
    found ??
    manager.save(
      OrganisationEntity,
      manager.create(OrganisationEntity, { kind: seed.kind, name: seed.name, municipalityCode: null }),
    )
  );
}
