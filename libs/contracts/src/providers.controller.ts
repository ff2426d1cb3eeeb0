import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { IdParam } from '@wmo/identity';
import { RouteRoles } from '@wmo/tenancy';
import {
  AddClosureDto,
  CreateProviderDto,
  CreateServiceDto,
  DutyDto,
  ProviderDto,
  ServiceDto,
  ServiceParams,
  UpdateProviderDto,
} from './dto/providers.dto';
import { ProvidersService } from './providers.service';

@ApiTags('Providers and services')
@Controller()
export class ProvidersController {
  constructor(private readonly providers: ProvidersService) {}

  @Get('duties')
  @RouteRoles('GET /api/v1/duties')
  @ApiOperation({ summary: 'The legal duties municipalities must meet, and which channels count toward each' })
  @ApiOkResponse({ type: [DutyDto] })
  @ApiProblemResponses(400)
  duties(@Query() _query: NoQueryParams): Promise<DutyDto[]> {
    return this.providers.duties();
  }

  @Get('providers')
  @RouteRoles('GET /api/v1/providers')
  @ApiOperation({
    summary: 'Providers',
    description: 'All for the operator, municipalities and the VNG (who contract them); a provider sees itself.',
  })
  @ApiOkResponse({ type: [ProviderDto] })
  @ApiProblemResponses(400)
  list(@Query() _query: NoQueryParams): Promise<ProviderDto[]> {
    return this.providers.list();
  }

  @Post('providers')
  @RouteRoles('POST /api/v1/providers')
  @ApiOperation({ summary: 'Register a provider (a PROVIDER organisation with its legal and billing details)' })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiProblemResponses(400, [409, 'The invoice prefix is taken.'])
  create(@Body() dto: CreateProviderDto): Promise<ProviderDto> {
    return this.providers.create(dto);
  }

  @Get('providers/:id')
  @RouteRoles('GET /api/v1/providers/:id')
  @ApiOperation({ summary: 'One provider' })
  @ApiOkResponse({ type: ProviderDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: IdParam): Promise<ProviderDto> {
    return this.providers.get(id);
  }

  @Patch('providers/:id')
  @RouteRoles('PATCH /api/v1/providers/:id')
  @ApiOperation({ summary: "Change a provider's legal or billing details (the provider itself, or the operator)" })
  @ApiOkResponse({ type: ProviderDto })
  @ApiProblemResponses(400, 404, [409, 'The invoice prefix is taken.'])
  update(@Param() { id }: IdParam, @Body() dto: UpdateProviderDto): Promise<ProviderDto> {
    return this.providers.update(id, dto);
  }

  @Get('providers/:id/services')
  @RouteRoles('GET /api/v1/providers/:id/services')
  @ApiOperation({ summary: "A provider's services with their channels, weekly hours and closures" })
  @ApiOkResponse({ type: [ServiceDto] })
  @ApiProblemResponses(400, 404)
  services(@Param() { id }: IdParam): Promise<ServiceDto[]> {
    return this.providers.services(id);
  }

  @Post('providers/:id/services')
  @RouteRoles('POST /api/v1/providers/:id/services')
  @ApiOperation({ summary: 'Add a service toward a duty, with its channels (hours in Europe/Amsterdam time)' })
  @ApiCreatedResponse({ type: ServiceDto })
  @ApiProblemResponses(400, 404)
  createService(@Param() { id }: IdParam, @Body() dto: CreateServiceDto): Promise<ServiceDto> {
    return this.providers.createService(id, dto);
  }

  @Get('providers/:id/services/:serviceId')
  @RouteRoles('GET /api/v1/providers/:id/services/:serviceId')
  @ApiOperation({ summary: 'One service' })
  @ApiOkResponse({ type: ServiceDto })
  @ApiProblemResponses(400, 404)
  service(@Param() { id, serviceId }: ServiceParams): Promise<ServiceDto> {
    return this.providers.service(id, serviceId);
  }

  @Post('providers/:id/services/:serviceId/closures')
  @RouteRoles('POST /api/v1/providers/:id/services/:serviceId/closures')
  @ApiOperation({ summary: 'Record a dated closure of one channel of a service' })
  @ApiCreatedResponse({ type: ServiceDto })
  @ApiProblemResponses(400, 404)
  addClosure(@Param() { id, serviceId }: ServiceParams, @Body() dto: AddClosureDto): Promise<ServiceDto> {
    return this.providers.addClosure(id, serviceId, dto);
  }
}
