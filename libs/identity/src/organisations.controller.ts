import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { AuditEventPageDto, ListAuditEventsQuery } from './dto/audit-events.dto';
import {
  CreateOrganisationDto,
  ListOrganisationsQuery,
  OrganisationDto,
  OrganisationPageDto,
} from './dto/organisations.dto';
import { IdParam } from './dto/users.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('Organisations')
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  @Get('organisations')
  @RouteRoles('GET /api/v1/organisations')
  @ApiOperation({ summary: 'Organisations you can see: your own, or all for an OPERATOR' })
  @ApiOkResponse({ type: OrganisationPageDto })
  @ApiProblemResponses(400)
  list(@Query() query: ListOrganisationsQuery): Promise<OrganisationPageDto> {
    return this.organisations.list(query);
  }

  @Get('organisations/:id')
  @RouteRoles('GET /api/v1/organisations/:id')
  @ApiOperation({ summary: 'One organisation' })
  @ApiOkResponse({ type: OrganisationDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: IdParam): Promise<OrganisationDto> {
    return this.organisations.get(id);
  }

  @Post('organisations')
  @RouteRoles('POST /api/v1/organisations')
  @ApiOperation({ summary: 'Create an association, provider or operator organisation' })
  @ApiCreatedResponse({ type: OrganisationDto })
  @ApiProblemResponses(400)
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(dto);
  }

  @Get('audit-events')
  @RouteRoles('GET /api/v1/audit-events')
  @ApiOperation({
    summary: 'The audit log: every write, who did it, when, before and after',
    description: 'An ORG_ADMIN sees its own organisation; an OPERATOR all, or one with ?organisation=.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiProblemResponses(400, 404)
  auditEvents(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    return this.organisations.auditEvents(query);
  }
}
