import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, Role, ROLES } from '@wmo/tenancy';

export class LoginDto {
  @ApiProperty({ example: 'officer.gm0106@demo.nl' })
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  email: string;

  @ApiProperty({ example: 'welkom-demo' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RefreshTokenDto {
  /** The refresh token from sign-in or the previous refresh. */
  @IsString()
  @MinLength(20, { message: 'refreshToken is not a refresh token' })
  @MaxLength(200)
  refreshToken: string;
}

export class TokenPairDto {
  /** JWT (HS256), valid 15 minutes. Send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;

  /** Opaque, valid 12 hours, single use: each refresh returns a new one. */
  refreshToken: string;

  /** Seconds until the access token expires. @example 900 */
  expiresIn: number;

  /** @example 'Bearer' */
  tokenType: 'Bearer';
}

export class OrganisationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ORGANISATION_KINDS })
  kind: OrganisationKind;

  /** @example 'Gemeente Assen' */
  name: string;

  /** @example 'GM0106' */
  municipalityCode: string | null;
}

export class MeDto {
  /** The user id, or the API key id for a machine client. */
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['user', 'api-key'] })
  kind: 'user' | 'api-key';

  @ApiProperty({ example: 'officer.gm0106@demo.nl' })
  email: string | null;

  /** @example 'Beleidsmedewerker Assen' */
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];

  organisation: OrganisationSummaryDto;
}

export class SessionTokenDto {
  /** JWT (HS256), valid 15 minutes. Keep it in memory only; send as `Authorization: Bearer <accessToken>`. */
  accessToken: string;

  /** Seconds until the access token expires; refresh before then. @example 900 */
  expiresIn: number;

  /** @example 'Bearer' */
  tokenType: 'Bearer';
}
