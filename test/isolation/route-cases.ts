import { ROUTE_ROLES, type Role, type RouteAccess } from '@wmo/tenancy';
import { COMPLIANCE_ROUTES } from './routes/compliance';
import { CONTRACT_ROUTES } from './routes/contracts';
import { IDENTITY_ROUTES } from './routes/identity';
import { INVOICING_ROUTES } from './routes/invoicing';

/**
 * The routes of the isolation matrix (route-matrix.e2e-spec): what each route means for a caller
 * of another organisation, in a table per area (routes/). Every route of the application must
 * have an entry; route-matrix checks that against the live route table.
 */

export interface Foreign {
  /** Groningen: foreign to every caller of the matrix. */
  organisationId: string;
  userId: string;
  apiKeyId: string;
  /** Amsterdam's own contract with its own provider: foreign to Assen, the VNG and Stichting Sensoor. */
  contractId: string;
  /** Sensoor Amsterdam, a provider: foreign to Stichting Sensoor; visible by design to those who contract providers. */
  providerId: string;
  serviceId: string;
  /** A 2025 run of that contract, and the invoice it issued to Amsterdam. */
  runId: string;
  documentId: string;
  documentNumber: string;
  /** A notification for Groningen and a webhook of Groningen's. */
  notificationId: string;
  webhookId: string;
}

export type RouteCase =
  /**
   * Aimed at a foreign resource: by default 404 for a role that may use the route (ROUTE_ROLES,
   * the one table of who may call what) and 403 for one that may not; `expect` says otherwise
   * where visibility is by design (then `mustNotContain`).
   */
  | {
      kind: 'foreign';
      url: (f: Foreign) => string;
      body?: (f: Foreign) => object;
      expect?: (role: Role) => number;
      mustNotContain?: (f: Foreign) => string[];
    }
  /** A list without a tenant selector: 200 (or 403) and never a foreign id in it. */
  | { kind: 'list'; url: string; foreignIds: (f: Foreign) => string[] }
  /** Not about another tenant's resources; why, and where it is tested. */
  | { kind: 'not-tenant'; reason: string };

export type RouteCases = Record<string, RouteCase>;

/** Every route of the application, from the tables of each area; a route in two of them is a mistake. */
export const ROUTES: RouteCases = {};
for (const area of [IDENTITY_ROUTES, CONTRACT_ROUTES, COMPLIANCE_ROUTES, INVOICING_ROUTES])
  for (const [route, routeCase] of Object.entries(area)) {
    if (route in ROUTES) throw new Error(`${route} has an entry in two areas`);
    ROUTES[route] = routeCase;
  }

/** Whether ROUTE_ROLES (the table the guards read) lets `role` call `route`. */
export function mayCall(route: string, role: Role): boolean {
  const access = (ROUTE_ROLES as Record<string, RouteAccess | undefined>)[route];
  if (!access) throw new Error(`${route} has no entry in ROUTE_ROLES`);
  return access === 'any' || (access !== 'public' && access.includes(role));
}
