import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '@wmo/database';
import { normaliseEmail, passwordProblems, upsertUser, UserEntity } from '@wmo/identity';
import { unscopedAsPlatform } from '@wmo/tenancy';
import { SCHEMA } from '@wmo/schema';

/**
 * `create-operator --email <e-mail> --name <name>`: the first platform operator of a production
 * database. The password comes from OPERATOR_PASSWORD, or is generated and printed once.
 */
export async function createOperator(
  ownerUrl: string,
  email: string | undefined,
  name: string | undefined,
): Promise<number> {
  if (!email || !name) {
    process.stderr.write('Usage: npm run cli -- create-operator --email <e-mail> --name "<name>"\n');
    return 2;
  }
  const provided = process.env.OPERATOR_PASSWORD;
  const password = provided ?? randomBytes(15).toString('base64url');
  const problems = passwordProblems(password, email);
  if (problems.length) {
    process.stderr.write(`OPERATOR_PASSWORD is not acceptable: ${problems.join('; ')}\n`);
    return 1;
  }
  const dataSource = await new DataSource(
    dataSourceOptions(ownerUrl, SCHEMA, { poolSize: 2, applicationName: 'wmo-cli' }),
  ).initialize();
  try {
    const exists = await unscopedAsPlatform(dataSource, ({ manager }) =>
      manager.existsBy(UserEntity, { email: normaliseEmail(email) }),
    );
    if (exists) {
      process.stderr.write(`${email} already has an account.\n`);
      return 1;
    }
    await unscopedAsPlatform(dataSource, ({ manager }) =>
      upsertUser(
        manager,
        { email, name, roles: ['OPERATOR', 'ORG_ADMIN'], organisation: { kind: 'OPERATOR', name: 'Platformbeheer' } },
        password,
      ),
    );
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`Created operator ${normaliseEmail(email)} in organisation "Platformbeheer".\n`);
  if (!provided) process.stdout.write(`Password (shown once, change it after signing in): ${password}\n`);
  return 0;
}
