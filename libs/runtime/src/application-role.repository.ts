import { Injectable } from '@nestjs/common';
import type { Transaction } from '@wmo/tenancy';

/** PostgreSQL's error codes for a role created meanwhile (by a process preparing another database) and for a refused GRANT. */
const ALREADY_EXISTS = new Set(['42710', '23505']);
const INSUFFICIENT_PRIVILEGE = '42501';

function codeOf(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

/**
 * Roles and their grants, run by the schema owner at start-up. Role names and passwords cannot be
 * bound as parameters in these statements, so PostgreSQL itself composes each one (`format` with
 * `%I` and `%L`) from the bound values, and the composed statement is run next.
 */
@Injectable()
export class ApplicationRoleRepository {
  /** Creates the login role, or lets an existing one log in with this password. */
  async ensureLoginRole(tx: Transaction, role: string, password: string): Promise<void> {
    const statement = await this.compose(
      tx,
      `SELECT CASE WHEN EXISTS (SELECT FROM pg_roles WHERE rolname = $1::text)
                   THEN format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text)
                   ELSE format('CREATE ROLE %I LOGIN INHERIT NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD %L', $1::text, $2::text)
              END AS statement`,
      [role, password],
    );
    try {
      await tx.manager.query(statement);
    } catch (error) {
      // Created by a process preparing another database of the server meanwhile, with the same password.
      if (!ALREADY_EXISTS.has(codeOf(error) ?? '')) throw error;
    }
  }

  /** Whether `member` holds the privileges of `group` (a member that does not inherit them does not). */
  async holdsPrivilegesOf(tx: Transaction, member: string, group: string): Promise<boolean> {
    const [{ holds }] = await tx.manager.query<[{ holds: boolean }]>(
      `SELECT pg_has_role($1::name, $2::name, 'USAGE') AS holds`,
      [member, group],
    );
    return holds;
  }

  async grantMembership(tx: Transaction, group: string, member: string): Promise<void> {
    const statement = await this.compose(tx, `SELECT format('GRANT %I TO %I', $1::text, $2::text) AS statement`, [
      group,
      member,
    ]);
    try {
      await tx.manager.query(statement);
    } catch (error) {
      if (codeOf(error) !== INSUFFICIENT_PRIVILEGE) throw error;
      throw new Error(
        `The database owner may not grant the role ${group} to ${member}: give the owner CREATEROLE (or ADMIN OPTION on ${group}), or have an administrator run GRANT ${group} TO ${member}.`,
        { cause: error },
      );
    }
  }

  /** CONNECT on this database and USAGE on its schema `public`. */
  async grantConnect(tx: Transaction, role: string): Promise<void> {
    for (const template of [
      `SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1::text) AS statement`,
      `SELECT format('GRANT USAGE ON SCHEMA public TO %I', $1::text) AS statement`,
    ]) {
      await tx.manager.query(await this.compose(tx, template, [role]));
    }
  }

  private async compose(tx: Transaction, template: string, values: string[]): Promise<string> {
    const [{ statement }] = await tx.manager.query<[{ statement: string }]>(template, values);
    return statement;
  }
}
