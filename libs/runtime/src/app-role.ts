import { createHmac } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ApplicationRoleRepository } from './application-role.repository';

const APP_ROLE = 'wmo_app';
/**
 * The NOLOGIN role that holds the application's privileges, granted per table by the migrations
 * (migrations/table-catalogue.ts says which); the login role is a member. Created by the migration
 * 1796292174851-application-role.
 */
export const APPLICATION_GROUP_ROLE = 'wmo_application';

/**
 * The URL the application connects with: DATABASE_APP_URL, or the role `wmo_app` with a password
 * derived from the owner's, so every process computes the same one without storing it.
 */
export function applicationUrl(ownerUrl: string, configuredAppUrl?: string): string {
  if (configuredAppUrl) return configuredAppUrl;
  const url = new URL(ownerUrl);
  const password = createHmac('sha256', decodeURIComponent(url.password) || 'wmo')
    .update(APP_ROLE)
    .digest('hex');
  url.username = APP_ROLE;
  url.password = password;
  return url.toString();
}

/**
 * Makes sure the login role exists, can log in and is a member of the group role, whose privileges
 * the migrations grant (pg-boss's are granted by prepareJobQueue). It owns nothing, so row-level
 * security applies to it (FORCEd for the owner too). Run by the owner at start-up, under the
 * schema lock. Creating the login role needs CREATEROLE; an administrator may instead create it
 * (DATABASE_APP_URL) and grant it the group role, and the owner then needs neither.
 */
export async function ensureApplicationRole(owner: DataSource, appUrl: string): Promise<void> {
  const url = new URL(appUrl);
  const login = decodeURIComponent(url.username);
  const roles = new ApplicationRoleRepository();
  const tx = { manager: owner.manager };
  if (!(await canLogIn(appUrl))) await roles.ensureLoginRole(tx, login, decodeURIComponent(url.password));
  if (!(await roles.holdsPrivilegesOf(tx, login, APPLICATION_GROUP_ROLE)))
    await roles.grantMembership(tx, APPLICATION_GROUP_ROLE, login);
  // Database-level: not part of the schema, nor copied when a database is created from a template.
  await roles.grantConnect(tx, login);
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
