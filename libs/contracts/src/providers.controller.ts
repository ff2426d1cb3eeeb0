import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { IdParam } from '@wmo/identity';
import { RouteRoles } from '@wmo/tenancy';
import {
  AddClosureDto,
  CreateProviderDto,
  ClosureParams,
  CreateServiceDto,
  DryRunQuery,
  DutyDto,
  ProviderDto,
  ServiceDto,
  ServiceChangeDto,
  ServiceParams,
  UpdateProviderDto,
  UpdateServiceDto,
} from './dto/providers.dto';
import { ProvidersService } from './providers.service';
import { ServiceChangesService } from './service-changes.service';

@ApiTags('Providers and services')
@Controller()
export class ProvidersController {
  constructor(
    private readonly providers: ProvidersService,
    private readonly changes: ServiceChangesService,
  ) {}

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

  @Patch('providers/:id/services/:serviceId')
  @RouteRoles('PATCH /api/v1/providers/:id/services/:serviceId')
  @ApiOperation({
    summary:
      "Change a service's channels (weekly hours, contact) or name, with the compliance effect (or only compute it with ?dryRun=true)",
    description:
      'Each channel listed gets the contact (when given) and the whole week of hours given (Europe/Amsterdam); a kind the service lacks is added; ' +
      'channels not listed stay as they are. The answer says, per group of municipalities the service covers, whether their duty is covered ' +
      'before and after and which gaps the change creates. With dryRun=true nothing is written (applied: false).',
  })
  @ApiOkResponse({ type: ServiceChangeDto })
  @ApiProblemResponses(400, 404)
  updateService(
    @Param() { id, serviceId }: ServiceParams,
    @Query() query: DryRunQuery,
    @Body() dto: UpdateServiceDto,
  ): Promise<ServiceChangeDto> {
    return this.changes.update(id, serviceId, dto, query.dryRun === 'true');
  }

  @Post('providers/:id/services/:serviceId/closures')
  @RouteRoles('POST /api/v1/providers/:id/services/:serviceId/closures')
  @ApiOperation({
    summary: 'Record a dated closure of one channel of a service (or compute its compliance effect with ?dryRun=true)',
  })
  @ApiCreatedResponse({ type: ServiceDto, description: 'The closure is recorded: the service with it.' })
  @ApiOkResponse({ type: ServiceChangeDto, description: 'dryRun=true: the compliance effect; nothing is written.' })
  @ApiProblemResponses(400, 404)
  async addClosure(
    @Param() { id, serviceId }: ServiceParams,
    @Query() query: DryRunQuery,
    @Body() dto: AddClosureDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ServiceDto | ServiceChangeDto> {
    if (query.dryRun === 'true') {
      void reply.status(200);
      return this.changes.previewClosure(id, serviceId, dto);
    }
    return this.providers.addClosure(id, serviceId, dto);
  }

  @Delete('providers/:id/services/:serviceId/closures/:closureId')
  @RouteRoles('DELETE /api/v1/providers/:id/services/:serviceId/closures/:closureId')
  @ApiOperation({
    summary:
      'Remove a closure that has not started, or end a running one now, with the compliance effect (?dryRun=true: only compute it)',
    description: 'A closure that is over stays as it was (409).',
  })
  @ApiOkResponse({ type: ServiceChangeDto })
  @ApiProblemResponses(400, 404, [409, 'The closure is over.'])
  removeClosure(
    @Param() { id, serviceId, closureId }: ClosureParams,
    @Query() query: DryRunQuery,
  ): Promise<ServiceChangeDto> {
    return this.changes.removeClosure(id, serviceId, closureId, query.dryRun === 'true');
  }
}
