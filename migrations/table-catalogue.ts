/**
 * Every relation of the `public` schema, classified by what the application role may do with it
 * (the job queue's `pgboss` schema is pg-boss's own and not listed). test/table-catalogue.e2e-spec.ts
 * compares it with the migrated database, so a new table fails the tests until it is classified
 * here and its migration grants what its class says.
 *
 * - `tenant`: row-level security, ENABLEd and FORCEd, with at least one policy; the application
 *   reads and writes it in transactions whose settings the policies judge (libs/tenancy).
 * - `reference`: the same for everyone, so row-level security does not guard it; the application
 *   may only read it (SELECT). The owner writes it: at start-up, from the command line, in migrations.
 * - `platform`: the application has no privilege at all; only the owner (start-up, the command
 *   line, the migrator) reads or writes it.
 *
 * `appendOnly` tenant tables hold what is recorded once and never changed: the application may
 * INSERT and SELECT, but is not granted UPDATE, DELETE or TRUNCATE (triggers refuse those to every
 * role where noted).
 */
export type RelationClass = 'tenant' | 'reference' | 'platform';

export interface CatalogueEntry {
  readonly kind: RelationClass;
  readonly appendOnly?: true;
}

const tenant: CatalogueEntry = { kind: 'tenant' };
const appendOnly: CatalogueEntry = { kind: 'tenant', appendOnly: true };
const reference: CatalogueEntry = { kind: 'reference' };
const platform: CatalogueEntry = { kind: 'platform' };

export const TABLE_CATALOGUE: Readonly<Record<string, CatalogueEntry>> = {
  // Identity and the audit log (libs/identity, libs/tenancy).
  organisation: tenant, // start-up (one per municipality) and the operator (associations, providers)
  app_user: tenant, // the organisation's ORG_ADMIN or the operator; read by e-mail while signing in
  refresh_token: tenant, // sign-in and refresh, in the signed-in user's transaction; read by hash
  api_key: tenant, // the organisation's ORG_ADMIN; read by hash when a machine client calls
  login_failure: tenant, // sign-in, for exactly the address being signed in (the throttle)
  audit_event: appendOnly, // every write, in the transaction that made it; a trigger refuses changes
  instance_secret: platform, // the owner at start-up (the generated JWT key): the application must not read it

  // Contracts (libs/contracts).
  provider: tenant, // the operator and the provider itself
  service: tenant, // the provider (PROVIDER_ADMIN) or the operator
  service_channel: tenant, // the provider or the operator
  channel_closure: tenant, // the provider or the operator
  contract: tenant, // the contracting party (VNG or municipality) or the operator
  contract_service: tenant, // with its contract
  contract_amendment: tenant, // with its contract
  tariff: tenant, // with its contract
  contract_exception: tenant, // with its contract
  participation: tenant, // with its contract
  duty: reference, // the duties this product knows, inserted by a migration

  // Invoicing (libs/invoicing).
  billing_details: tenant, // the municipality's FINANCE or the operator
  purchase_order: tenant, // the municipality's FINANCE or the operator
  invoice_run: tenant, // started by the contracting party, worked by a job as the platform
  run_request: tenant, // an Idempotency-Key bound to its first run request, by the requesting organisation
  invoice_run_held: tenant, // written by a run's job and a release, as the platform; read by the run's parties
  invoice_document: appendOnly, // issued by a run (platform) or a credit note (supplier); a trigger refuses changes
  invoice_line: appendOnly, // issued with its document; a trigger refuses changes
  document_file: appendOnly, // the PDF, stored once after issuing; a trigger refuses changes
  payment: appendOnly, // recorded by the supplier's FINANCE; a trigger refuses changes
  document_number_counter: tenant, // in the issuing transaction, by the issuer or the platform

  // Compliance, statistics, notifications (libs/compliance, libs/statistics, libs/notifications).
  obligation_state: tenant, // the daily evaluation, as the platform (its policy admits no organisation)
  compliance_evaluation: tenant, // the daily evaluation, as the platform
  service_statistic: tenant, // recorded by the provider, read by every signed-in caller
  notification: appendOnly, // written once by the platform; reading is notification_read
  notification_read: tenant, // a user marking their own reads
  webhook_subscription: tenant, // the organisation's ORG_ADMIN
  webhook_delivery: tenant, // the outbox: written by the platform with the event, updated by the delivery job

  // Reference data (libs/reference-data): the owner loads it at start-up or imports it from the command line.
  province: reference,
  municipality: reference,
  population_figure: reference,
  municipal_change: reference,
  reference_data_state: reference, // which bundle is loaded; start-up compares it
  municipality_detail: reference, // materialized view, refreshed by the owner with the reference data

  // TypeORM's own bookkeeping, the owner's alone.
  schema_migration: platform, // the migrations applied (the migrator)
  typeorm_metadata: platform, // the definition of the materialized view (the migrator)
};

/** The table privileges PostgreSQL knows (MAINTAIN, PostgreSQL 17+, is never granted here). */
export const TABLE_PRIVILEGES = ['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER'] as const;
export type TablePrivilege = (typeof TABLE_PRIVILEGES)[number];

/** Exactly what the application role holds on a relation of this class. */
export function applicationPrivileges(entry: CatalogueEntry): readonly TablePrivilege[] {
  switch (entry.kind) {
    case 'tenant':
      return entry.appendOnly ? ['SELECT', 'INSERT'] : ['SELECT', 'INSERT', 'UPDATE', 'DELETE'];
    case 'reference':
      return ['SELECT'];
    case 'platform':
      return [];
  }
}

export const SEQUENCE_PRIVILEGES = ['USAGE', 'SELECT', 'UPDATE'] as const;
export type SequencePrivilege = (typeof SEQUENCE_PRIVILEGES)[number];

/**
 * What the application role holds on the sequence of an identity or serial column: USAGE and
 * SELECT where it inserts rows into the table, nothing elsewhere (schema_migration's id).
 */
export function applicationSequencePrivileges(table: CatalogueEntry): readonly SequencePrivilege[] {
  return applicationPrivileges(table).includes('INSERT') ? ['USAGE', 'SELECT'] : [];
}
