import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { createRootLogger, loadConfigOrExit, startDatabase } from '@wmo/runtime';
import { CliModule } from './cli.module';
import { createOperator } from './create-operator.command';
import { importPopulation } from './import-population.command';

const USAGE = `Usage: npm run cli -- <command>

Commands:
  migrate                              apply pending migrations and load the bundled reference data
  import-population <file.csv> [--dry-run]
                                       load a CBS population file (code,year,population); nothing is
                                       written unless every row is valid
  create-operator --email <e-mail> --name "<name>"
                                       the first platform operator; password from OPERATOR_PASSWORD,
                                       or generated and printed once

Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (also while the API runs on it).`;

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      help: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  const config = loadConfigOrExit();
  const logger = createRootLogger({ LOG_LEVEL: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn' }, 'wmo-cli');
  const database = await startDatabase(config, logger);
  const connect = () => NestFactory.createApplicationContext(CliModule.forRoot(database.ownerUrl), { logger: false });
  try {
    switch (command) {
      case 'migrate':
        process.stdout.write('The database schema and the reference data are up to date.\n');
        return 0;
      case 'import-population': {
        if (args.length !== 1) {
          process.stderr.write(`${USAGE}\n`);
          return 2;
        }
        const app = await connect();
        try {
          return await importPopulation(app, args[0], values['dry-run'] ?? false);
        } finally {
          await app.close();
        }
      }
      case 'create-operator':
        return await createOperator(connect, values.email, values.name);
      default:
        process.stderr.write(`Unknown command "${command}".\n\n${USAGE}\n`);
        return 2;
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
