import { Body, Controller, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBody, ApiCookieAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { parse as parseCookies, serialize as serializeCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblemResponses } from '@wmo/common';
import { Principal, RouteRoles } from '@wmo/tenancy';
import { AuthService, TokenPair } from './auth.service';
import { CurrentPrincipal } from './auth.decorators';
import { LoginDto, SessionTokenDto } from './dto/auth.dto';
import { JsonBodyGuard, LocalAuthGuard } from './guards';
import { IdentityError, IdentityErrorCode } from './identity.errors';
import { IDENTITY_OPTIONS, IdentityOptions, REFRESH_TOKEN_TTL_SECONDS } from './identity.options';

export const SESSION_COOKIE = 'wmo_session';
const SESSION_PATH = '/api/v1/auth/session';
/**
 * Beside the session, a cookie the page can read that says only that there may be one (`1`, no
 * secret): without it the sign-in page shows at once instead of first asking for a refresh that
 * can only fail, which is a round trip a first visit on a slow line does not wait for.
 */
export const SESSION_HINT_COOKIE = 'wmo_signed_in';

/**
 * Browser sessions (the web portal): the refresh token lives in an httpOnly, SameSite=Strict
 * cookie that only these three routes receive, so no script can read it; the short-lived access
 * token is returned in the body and kept in memory by the page.
 */
@ApiTags('Authentication')
@Controller('auth/session')
export class SessionController {
  constructor(
    private readonly auth: AuthService,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  @UseGuards(JsonBodyGuard, LocalAuthGuard)
  @Post()
  @RouteRoles('POST /api/v1/auth/session')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in for a browser session',
    description: 'Like POST /auth/login, but the refresh token is set as an httpOnly cookie instead of returned.',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({
    type: SessionTokenDto,
    headers: {
      'Set-Cookie': {
        description: `${SESSION_COOKIE}: the session (httpOnly, SameSite=Strict, path ${SESSION_PATH})`,
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblemResponses(400, [401, 'Wrong e-mail address or password.'], [415, 'The body is not application/json.'], 429)
  async start(
    @CurrentPrincipal() principal: Principal,
    @Body() _credentials: LoginDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokenDto> {
    return this.answer(await this.auth.startSession(principal), reply);
  }

  @Post('refresh')
  @RouteRoles('POST /api/v1/auth/session/refresh')
  @HttpCode(200)
  @ApiCookieAuth(SESSION_COOKIE)
  @ApiOperation({
    summary: 'A new access token for the browser session',
    description: 'Rotates the session cookie. Without a valid cookie: 401 (sign in again).',
  })
  @ApiOkResponse({ type: SessionTokenDto })
  @ApiProblemResponses([401, 'No session, or it expired or was ended.'])
  async refresh(
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SessionTokenDto> {
    const token = this.cookieOf(request);
    if (!token) throw new IdentityError(IdentityErrorCode.InvalidRefreshToken, 'There is no session. Sign in again.');
    try {
      return this.answer(await this.auth.refresh(token), reply);
    } catch (error) {
      this.clear(reply);
      throw error;
    }
  }

  @Post('end')
  @RouteRoles('POST /api/v1/auth/session/end')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out of the browser session',
    description: 'Ends the session and clears its cookie (also when there was none).',
  })
  @ApiNoContentResponse({ description: 'Signed out.' })
  async end(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const token = this.cookieOf(request);
    if (token) await this.auth.logout(token);
    this.clear(reply);
  }

  private cookieOf(request: FastifyRequest): string | undefined {
    const header = request.headers.cookie;
    return header ? parseCookies(header)[SESSION_COOKIE] : undefined;
  }

  private answer(pair: TokenPair, reply: FastifyReply): SessionTokenDto {
    this.setCookie(reply, pair.refreshToken, REFRESH_TOKEN_TTL_SECONDS);
    return { accessToken: pair.accessToken, expiresIn: pair.expiresIn, tokenType: pair.tokenType };
  }

  private clear(reply: FastifyReply): void {
    this.setCookie(reply, '', 0);
  }

  private setCookie(reply: FastifyReply, value: string, maxAge: number): void {
    const secure = this.options.secureCookies;
    void reply.header('set-cookie', [
      serializeCookie(SESSION_COOKIE, value, {
        httpOnly: true,
        sameSite: 'strict',
        secure,
        path: SESSION_PATH,
        maxAge,
      }),
      serializeCookie(SESSION_HINT_COOKIE, value ? '1' : '', { sameSite: 'strict', secure, path: '/', maxAge }),
    ]);
    void reply.header('cache-control', 'no-store');
    void reply.header('pragma', 'no-cache');
  }
}
