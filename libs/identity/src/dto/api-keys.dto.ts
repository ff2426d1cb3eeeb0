import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '@wmo/tenancy';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP facturen ophalen' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  /** No wider than your own roles. */
  @ApiProperty({ enum: ROLES, isArray: true, example: ['FINANCE'] })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  name: string;

  /** The start of the key, to recognise it. @example 'wmo_Ab3dE' */
  prefix: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ format: 'date-time' })
  lastUsedAt: string | null;

  @ApiProperty({ format: 'date-time' })
  revokedAt: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  /** The key itself. Shown only now: store it safely; only a hash is kept. */
  secret: string;
}
