import { Body, Controller, Get, Header, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { Principal, RouteRoles } from '@wmo/tenancy';
import { AuthService, TokenPair } from './auth.service';
import { CurrentPrincipal } from './auth.decorators';
import { LoginDto, MeDto, RefreshTokenDto, TokenPairDto } from './dto/auth.dto';
import { JsonBodyGuard, LocalAuthGuard } from './guards';
import { OrganisationsService } from './organisations.service';

@ApiTags('Authentication')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly organisations: OrganisationsService,
  ) {}

  @UseGuards(JsonBodyGuard, LocalAuthGuard)
  @Post('auth/login')
  @RouteRoles('POST /api/v1/auth/login')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Five failed attempts for one e-mail address within 15 minutes lock it for the rest of that window (429 with Retry-After).',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(400, [401, 'Wrong e-mail address or password.'], [415, 'The body is not application/json.'], 429)
  login(@CurrentPrincipal() principal: Principal, @Body() _credentials: LoginDto): Promise<TokenPair> {
    return this.auth.startSession(principal);
  }

  @UseGuards(JsonBodyGuard)
  @Post('auth/refresh')
  @RouteRoles('POST /api/v1/auth/refresh')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'Each refresh token works once. Using one a second time ends every session of that sign-in.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(
    400,
    [401, 'Unknown, expired, revoked or reused refresh token.'],
    [415, 'The body is not application/json.'],
  )
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @UseGuards(JsonBodyGuard)
  @Post('auth/logout')
  @RouteRoles('POST /api/v1/auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown).' })
  @ApiProblemResponses(400, [415, 'The body is not application/json.'])
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @RouteRoles('GET /api/v1/me')
  @ApiOperation({ summary: 'Who am I: the signed-in user (or API key), roles and organisation' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblemResponses(400)
  me(@Query() _query: NoQueryParams): Promise<MeDto> {
    return this.organisations.me();
  }
}
