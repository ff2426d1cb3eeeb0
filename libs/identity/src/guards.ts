import {
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe, IS_PUBLIC, RequestValidationError } from '@wmo/common';
import { hasRole, Principal, Role, TenantContext } from '@wmo/tenancy';
import { REQUIRED_ROLES } from './auth.decorators';
import { LoginDto } from './dto/auth.dto';

/** Every route needs a valid access token or API key unless marked @Public(); the caller goes into the tenant context. */
@Injectable()
export class AuthenticationGuard extends AuthGuard(['jwt', 'api-key']) {
  constructor(
    private readonly reflector: Reflector,
    private readonly context: TenantContext,
  ) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    return isPublic ? true : super.canActivate(context);
  }

  override handleRequest<T = Principal>(
    error: Error | null,
    principal: T | false,
    _info: unknown,
    context: ExecutionContext,
  ): T {
    if (error) throw error;
    if (!principal) {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      const sent = request.headers.authorization || request.headers['x-api-key'];
      throw new UnauthorizedException(
        sent
          ? 'The access token or API key is invalid, expired or revoked.'
          : 'Sign in first: send Authorization: Bearer <access token or API key>, or X-Api-Key.',
      );
    }
    this.context.setPrincipal(principal as unknown as Principal);
    return principal;
  }
}

const missingCredentials = () =>
  new RequestValidationError([
    { field: 'email', message: 'email and password are required' },
    { field: 'password', message: 'email and password are required' },
  ]);

const LOGIN_VALIDATION = createValidationPipe();

/** Sign-in with e-mail and password; a request without them is a 400, not a 401. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  /**
   * The body is validated as a LoginDto before passport-local hands its raw fields to AuthService
   * (which would otherwise meet a number, an array or an over-long address).
   */
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const body = context.switchToHttp().getRequest<FastifyRequest>().body;
    const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
    const fields = isObject ? (body as Record<string, unknown>) : {};
    if (!fields.email || !fields.password) throw missingCredentials();
    // The same validation as every other body, before passport reads the fields.
    await LOGIN_VALIDATION.transform(fields, { type: 'body', metatype: LoginDto });
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(error: Error | null, principal: T | false, info: { message?: string } | undefined): T {
    if (error) throw error;
    if (!principal) {
      if (info?.message === 'Missing credentials') throw missingCredentials();
      throw new UnauthorizedException('The e-mail address or the password is incorrect.');
    }
    return principal;
  }
}

/** @Roles(...): the caller needs one of them; OPERATOR has every role. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const required = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required?.length) return true;
    const principal = context.switchToHttp().getRequest<{ user?: Principal }>().user;
    if (principal && required.some((role) => hasRole(principal, role))) return true;
    throw new ForbiddenException(`This needs one of the roles ${required.join(', ')}.`);
  }
}

/**
 * The sign-in and token routes take JSON only. A form (`application/x-www-form-urlencoded`,
 * `multipart/form-data`, `text/plain`) is what another site can make a browser send without CORS
 * asking first: accepting one would let it sign a visitor in to the attacker's account (login
 * CSRF). Refused with 415 before the body is used.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const contentType = context.switchToHttp().getRequest<FastifyRequest>().headers['content-type'];
    if (contentType === undefined) return true;
    const mediaType = contentType.split(';')[0].trim().toLowerCase();
    if (mediaType === 'application/json') return true;
    throw new UnsupportedMediaTypeException(
      `This route takes application/json only, not ${mediaType || 'an empty type'}.`,
    );
  }
}
