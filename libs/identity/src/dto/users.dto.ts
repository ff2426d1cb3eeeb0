import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { EntityId, IsOptionalNotNull, OneOf, PageQuery, SearchParam, SortParam, SortValue } from '@wmo/common';
import { Role, ROLES } from '@wmo/tenancy';

export const USER_SORT_FIELDS = ['name', 'email', 'createdAt', 'lastLoginAt'] as const;
export type UserSortField = (typeof USER_SORT_FIELDS)[number];

export class ListUsersQuery extends PageQuery {
  /** OPERATOR only: the organisation whose users to list (default: your own). */
  @EntityId('an organisation id', { optional: true })
  organisation?: string;

  @SearchParam('name and e-mail address')
  q?: string;

  /** true: only active users; false: only deactivated ones; left out: both. */
  @OneOf(['true', 'false'], { optional: true })
  active?: 'true' | 'false';

  @SortParam(USER_SORT_FIELDS, 'email')
  sort: SortValue<UserSortField> = 'email';
}

export class IdParam {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'nieuwe.collega@assen.nl' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ example: 'Nieuwe Collega' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['OFFICER'] })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];

  /** Initial password: at least 12 characters, not the e-mail address. */
  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @MaxLength(200)
  password: string;

  /** OPERATOR only: create the user in this organisation. */
  @EntityId('an organisation id', { optional: true })
  organisationId?: string;
}

export class UpdateUserDto {
  @IsOptionalNotNull()
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOptionalNotNull()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles?: Role[];

  /** false deactivates the user: sign-in and refresh stop at once; access tokens already issued expire within 15 minutes. */
  @IsOptionalNotNull()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ format: 'uuid' })
  organisationId: string;

  email: string;

  name: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  active: boolean;

  @ApiProperty({ format: 'date-time' })
  lastLoginAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class UserPageDto {
  items: UserDto[];

  total: number;

  page: number;

  limit: number;
}
