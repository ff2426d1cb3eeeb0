import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { Principal } from '@wmo/tenancy';
import { AuthService, TokenPair } from './auth.service';
import { ApiAuthenticated, CurrentPrincipal, Public } from './auth.decorators';
import { LoginDto, MeDto, RefreshTokenDto, TokenPairDto } from './dto/auth.dto';
import { LocalAuthGuard } from './guards';
import { OrganisationsService } from './organisations.service';

@ApiTags('Authentication')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly organisations: OrganisationsService,
  ) {}

  @Public()
  @UseGuards(LocalAuthGuard)
  @Post('auth/login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in with e-mail and password',
    description:
      'Five failed attempts for one e-mail address within 15 minutes lock it for the rest of that window (429 with Retry-After).',
  })
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(400, [401, 'Wrong e-mail address or password.'], 429)
  login(@CurrentPrincipal() principal: Principal, @Body() _credentials: LoginDto): Promise<TokenPair> {
    return this.auth.startSession(principal);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Exchange a refresh token for new tokens',
    description: 'Each refresh token works once. Using one a second time ends every session of that sign-in.',
  })
  @ApiOkResponse({ type: TokenPairDto })
  @ApiProblemResponses(400, [401, 'Unknown, expired, revoked or reused refresh token.'])
  refresh(@Body() body: RefreshTokenDto): Promise<TokenPair> {
    return this.auth.refresh(body.refreshToken);
  }

  @Public()
  @Post('auth/logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token' })
  @ApiNoContentResponse({ description: 'Signed out (also when the token was unknown).' })
  @ApiProblemResponses(400)
  async logout(@Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOperation({ summary: 'Who am I: the signed-in user (or API key), roles and organisation' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblemResponses(400)
  me(@Query() _query: NoQueryParams): Promise<MeDto> {
    return this.organisations.me();
  }
}
