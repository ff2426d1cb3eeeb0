import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiSecurity } from '@nestjs/swagger';
import { ApiProblemResponses } from '@wmo/common';
import type { Principal, Role } from '@wmo/tenancy';

export { IS_PUBLIC, Public } from '@wmo/common';
export const REQUIRED_ROLES = 'requiredRoles';

/** Documents the credentials an endpoint takes and the 401 (and 429) it can answer. */
export const ApiAuthenticated = () =>
  applyDecorators(ApiBearerAuth(), ApiSecurity('api-key'), ApiProblemResponses(401, 429));

/** The caller needs at least one of these roles (OPERATOR has them all); otherwise 403. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(REQUIRED_ROLES, roles),
    ApiAuthenticated(),
    ApiProblemResponses([403, `Needs one of the roles ${roles.join(', ')} (or OPERATOR).`]),
  );

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
});
