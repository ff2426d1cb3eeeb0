import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ApiKeyRepository } from './api-key.repository';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { CredentialEventsListener } from './credential-events.listener';
import { CredentialRevocations } from './credential-revocations';
import { ACCESS_TOKEN_TTL_SECONDS, IDENTITY_OPTIONS, IdentityOptions, JWT_ALGORITHM } from './identity.options';
import { LoginFailureRepository } from './login-failure.repository';
import { OrganisationDirectory } from './organisation-directory';
import { OrganisationRepository } from './organisation.repository';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { RateLimitKeys } from './rate-limit-key';
import { RefreshTokenRepository } from './refresh-token.repository';
import { SessionController } from './session.controller';
import { ApiKeyStrategy, JwtStrategy, LocalStrategy } from './strategies';
import { UserRepository } from './user.repository';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';
import { VerifiedCredentials } from './verified-credentials';

const DIRECTORY: Provider[] = [OrganisationRepository, OrganisationDirectory];

/**
 * Global. Imported as is (the worker, the command line), it provides the OrganisationDirectory
 * alone; `forRoot` (the API) adds sign-in, sessions, users, API keys, organisations and the audit
 * log. Needs TenancyModule (global).
 */
@Global()
@Module({ providers: DIRECTORY, exports: [OrganisationDirectory] })
export class IdentityModule {
  static forRoot(options: IdentityOptions): DynamicModule {
    return {
      module: IdentityModule,
      global: true,
      imports: [
        PassportModule,
        JwtModule.register({
          secret: options.jwtSecret,
          signOptions: {
            algorithm: JWT_ALGORITHM,
            expiresIn: ACCESS_TOKEN_TTL_SECONDS,
            issuer: options.issuer,
            audience: options.audience,
          },
          verifyOptions: { algorithms: [JWT_ALGORITHM], issuer: options.issuer, audience: options.audience },
        }),
      ],
      controllers: [AuthController, SessionController, UsersController, ApiKeysController, OrganisationsController],
      providers: [
        { provide: IDENTITY_OPTIONS, useValue: options },
        UserRepository,
        RefreshTokenRepository,
        ApiKeyRepository,
        LoginFailureRepository,
        AuthService,
        UsersService,
        ApiKeysService,
        OrganisationsService,
        LocalStrategy,
        JwtStrategy,
        ApiKeyStrategy,
        VerifiedCredentials,
        RateLimitKeys,
        CredentialRevocations,
        CredentialEventsListener,
      ],
      exports: [AuthService, IDENTITY_OPTIONS, RateLimitKeys],
    };
  }
}
