import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'isPublic';

/** No credentials needed (sign-in, health). Every other route requires them. */
export const Public = () => SetMetadata(IS_PUBLIC, true);
