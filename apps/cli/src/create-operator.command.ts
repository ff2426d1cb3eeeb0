import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { createPlatformOperator, passwordProblems } from '@wmo/identity';
import { UnscopedDatabase } from '@wmo/tenancy';

/**
 * `create-operator --email <e-mail> --name <name>`: the first platform operator of a production
 * database. The password comes from OPERATOR_PASSWORD, or is generated and printed once.
 */
export async function createOperator(
  connect: () => Promise<INestApplicationContext>,
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
  const app = await connect();
  let operator: Awaited<ReturnType<typeof createPlatformOperator>>;
  try {
    operator = await app
      .get(UnscopedDatabase)
      .unscopedSystemTransaction((tx) => createPlatformOperator(tx, { email, name, password }));
  } finally {
    await app.close();
  }
  if (!operator.created) {
    process.stderr.write(`${email} already has an account.\n`);
    return 1;
  }
  process.stdout.write(`Created operator ${operator.email} in organisation "${operator.organisation}".\n`);
  if (!provided) process.stdout.write(`Password (shown once, change it after signing in): ${password}\n`);
  return 0;
}
