import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponses, Public } from '@wmo/common';
import type { Role } from './principal';
import { ROUTE_ROLES, RouteKey } from './route-roles';

/** The metadata key under which a route names the roles it needs (read by identity's RolesGuard). */
export const REQUIRED_ROLES = 'requiredRoles';

/** Documents the credentials an endpoint takes and the 401 (and 429) it can answer. */
const ApiAuthenticated = () => applyDecorators(ApiBearerAuth(), ApiSecurity('api-key'), ApiProblemResponses(401, 429));

/**
 * The caller needs at least one of these roles (OPERATOR has them all); otherwise 403. Only
 * through RouteRoles: a route's roles come from the one table.
 */
const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiAuthenticated(),
    ApiProblemResponses([403, `Needs one of the roles ${roles.join(', ')} (or OPERATOR).`]),
  );

/**
 * Who may call this route, as the one table ROUTE_ROLES says (keyed by method and full path):
 * @Public(), any signed-in caller, or @Roles(...). The isolation tests check the key against the
 * route the decorator sits on.
 */
export const RouteRoles = (route: RouteKey) => {
  const access = ROUTE_ROLES[route];
  if (access === 'public') return Public();
  if (access === 'any') return ApiAuthenticated();
  return Roles(...access);
};
