import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES } from '@wmo/tenancy';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'ERP facturen ophalen' })
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['FINANCE'], description: 'No wider than your own roles.' })
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayUnique({ message: 'roles must not repeat a role' })
  @IsIn(ROLES, { each: true, message: `each role must be one of ${ROLES.join(', ')}` })
  roles: Role[];
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ example: 'wmo_Ab3dE', description: 'The start of the key, to recognise it.' })
  prefix: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  @ApiProperty({ format: 'date-time' })
  createdAt: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastUsedAt: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself. Shown only now: store it safely; only a hash is kept.' })
  secret: string;
}
