import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@wmo/tenancy';

export { IS_PUBLIC, Public } from '@wmo/common';
export { REQUIRED_ROLES } from '@wmo/tenancy';

export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  return context.switchToHttp().getRequest<{ user: Principal }>().user;
});
