import { DynamicModule, Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { SessionController } from './session.controller';
import { IDENTITY_OPTIONS, IdentityOptions, ACCESS_TOKEN_TTL_SECONDS, JWT_ALGORITHM } from './identity.options';
import { OrganisationsController } from './organisations.controller';
import { OrganisationsService } from './organisations.service';
import { ApiKeyStrategy, JwtStrategy, LocalStrategy } from './strategies';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({})
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
        AuthService,
        UsersService,
        ApiKeysService,
        OrganisationsService,
        LocalStrategy,
        JwtStrategy,
        ApiKeyStrategy,
      ],
      exports: [AuthService, IDENTITY_OPTIONS],
    };
  }
}
