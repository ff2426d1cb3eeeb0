/* eslint-disable @typescript-eslint/no-require-imports */
// Jest loads this file with plain Node `require`, without its moduleNameMapper: register the paths.
require('tsconfig-paths').register({
  baseUrl: `${__dirname}/../..`,
  paths: require('../../tsconfig.json').compilerOptions.paths,
});

import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { loadConfig } from '@wmo/config';
import { EmbeddedPostgresServer } from '@wmo/database';
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
  await prepareDatabase(
    templateUrl,
    loadConfig({ DATABASE_URL: templateUrl, JWT_SECRET: TEST_JWT_SECRET, DEMO: '1', LOG_LEVEL: 'silent' }),
  );
  process.env.WMO_TEST_SERVER_URL = serverUrl;
  // The app under test must not start an embedded server of its own, nor read a developer's DATA_DIR.
  delete process.env.DATABASE_URL;
}
