import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@wmo/tenancy';

export { IS_PUBLIC, Public } from '@wmo/common';
export { ApiAuthenticated, REQUIRED_ROLES, Roles } from '@wmo/tenancy';

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
});
