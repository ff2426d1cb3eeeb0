import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-keys.dto';
import { IdParam } from './dto/users.dto';

@ApiTags('API keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly keys: ApiKeysService) {}

  @Get()
  @RouteRoles('GET /api/v1/api-keys')
  @ApiOperation({ summary: "Your organisation's API keys (without their secrets)" })
  @ApiOkResponse({ type: [ApiKeyDto] })
  @ApiProblemResponses(400)
  list(@Query() _query: NoQueryParams): Promise<ApiKeyDto[]> {
    return this.keys.list();
  }

  @Post()
  @RouteRoles('POST /api/v1/api-keys')
  @ApiOperation({
    summary: 'Create an API key for a machine client',
    description: 'The secret is in this response only.',
  })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  @ApiProblemResponses(400, [422, 'Roles wider than your own.'])
  create(@Body() dto: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    return this.keys.create(dto);
  }

  @Delete(':id')
  @RouteRoles('DELETE /api/v1/api-keys/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an API key', description: 'Takes effect at once.' })
  @ApiNoContentResponse({ description: 'Revoked.' })
  @ApiProblemResponses(400, 404)
  async revoke(@Param() { id }: IdParam): Promise<void> {
    await this.keys.revoke(id);
  }
}
