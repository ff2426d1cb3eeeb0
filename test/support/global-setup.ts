/* eslint-disable @typescript-eslint/no-require-imports */
// Jest loads this file with plain Node `require`, without its moduleNameMapper: register the paths.
require('tsconfig-paths').register({
  baseUrl: `${__dirname}/../..`,
  paths: require('../../tsconfig.json').compilerOptions.paths,
});

import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { argon2id } from 'hash-wasm';
import { Client } from 'pg';
import { loadConfig } from '@wmo/config';
import { EmbeddedPostgresServer } from '@wmo/database';
import { startCompilingRules } from './einvoice';
import { prepareDatabase } from '@wmo/runtime';
import { TEMPLATE_DATABASE, TEST_JWT_SECRET, withDatabase } from './database-names';

declare global {
  var __WMO_TEST_SERVER__: EmbeddedPostgresServer | undefined;
}

/**
 * One real PostgreSQL for the whole run: the embedded one (as `npm start` uses it) or the server
 * of DATABASE_URL. A template database gets the migrations and the reference data once; every
 * spec file then clones it into a database of its own. The template has the demo users too.
 *
 * Everything a run writes to disk goes into one folder, /tmp/wmo-test-XXXXXX: the embedded
 * server's cluster (about 90 MB) and, through TMPDIR, every temporary folder a spec or a process
 * it starts makes (a DATA_DIR, a CSV to import, a browser profile). global-teardown removes it,
 * also when specs failed.
 */
export default async function globalSetup(): Promise<void> {
  Logger.overrideLogger(false);
  // Cold caches only: the e-invoice rule sets compile in the background while PostgreSQL starts.
  startCompilingRules();
  const runDir = mkdtempSync(join(tmpdir(), 'wmo-test-'));
  process.env.WMO_TEST_RUN_DIR = runDir;
  try {
    await prepareServer(runDir);
  } catch (error) {
    // Jest skips the global teardown when the setup fails: clean up here.
    await globalThis.__WMO_TEST_SERVER__?.stop();
    rmSync(runDir, { recursive: true, force: true });
    throw error;
  }
}

async function prepareServer(runDir: string): Promise<void> {
  // Run as root, the embedded server runs PostgreSQL as the `postgres` OS user, which must pass
  // through this folder to a cluster below it.
  chmodSync(runDir, 0o711);
  const specTemp = join(runDir, 'tmp');
  mkdirSync(specTemp);
  // Read by os.tmpdir() in the Jest workers, which start after this setup.
  process.env.TMPDIR = specTemp;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const server = await EmbeddedPostgresServer.start({ dataDir: join(runDir, 'server'), unsafeFast: true });
    globalThis.__WMO_TEST_SERVER__ = server;
    serverUrl = server.url;
  }
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.end();
  const templateUrl = withDatabase(serverUrl, TEMPLATE_DATABASE);
  const config = loadConfig({ DATABASE_URL: templateUrl, JWT_SECRET: TEST_JWT_SECRET, DEMO: '1', LOG_LEVEL: 'silent' });
  const { demoUsers } = await prepareDatabase(templateUrl, config);
  await cheapenDemoPasswords(
    templateUrl,
    (demoUsers ?? []).map((user) => user.email),
    config.DEMO_PASSWORD,
  );
  await giveTestAddresses(templateUrl);
  process.env.WMO_TEST_SERVER_URL = serverUrl;
  // The app under test must not start an embedded server of its own, nor read a developer's DATA_DIR.
  delete process.env.DATABASE_URL;
}

/**
 * The template's demo users get an argon2id hash of the demo password at the lowest cost
 * hash-wasm allows (8 KiB, one pass) instead of OWASP's 19 MiB and two passes. A sign-in still
 * checks the password the real way (argon2Verify reads the cost from the stored hash), but in
 * about a millisecond instead of a quarter of a second of CPU, and the specs sign demo users in
 * well over a hundred times. Passwords set through the API keep the full cost, as does the demo
 * of `npm start`.
 */
/**
 * MADE-UP TEST DATA. The demo keeps real addresses only (five town halls), so a run there holds
 * every other municipality. The specs are about a year's invoices, not about holding: in the
 * template every municipality without billing details gets an invoice address, `Testadres 1`,
 * 1234 AB and its own name as the city (invented, for tests only), and nothing else: no OIN, KvK
 * number or e-mail, so what an e-invoice lacks stays as before. The specs of the held path and
 * the readiness take addresses away again (test/support/invoicing.ts, withoutBillingDetails).
 */
async function giveTestAddresses(url: string): Promise<void> {
  const owner = new Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(
      `INSERT INTO billing_details (organisation_id, street, postal_code, city)
       SELECT id, 'Testadres 1', '1234 AB', regexp_replace(name, '^Gemeente ', '') FROM organisation
        WHERE kind = 'MUNICIPALITY'
       ON CONFLICT (organisation_id) DO NOTHING`,
    );
  } finally {
    await owner.end();
  }
}

async function cheapenDemoPasswords(url: string, emails: string[], password: string): Promise<void> {
  const hash = await argon2id({
    password,
    salt: randomBytes(16),
    parallelism: 1,
    iterations: 1,
    memorySize: 8,
    hashLength: 32,
    outputType: 'encoded',
  });
  const owner = new Client({ connectionString: url });
  await owner.connect();
  try {
    await owner.query(`UPDATE app_user SET password_hash = $1 WHERE email = ANY($2)`, [hash, emails]);
  } finally {
    await owner.end();
  }
}
