import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { IdParam } from '@wmo/identity';
import { RouteRoles } from '@wmo/tenancy';
import { ProviderStatisticsDto, RecordStatisticsDto, ServiceStatisticDto } from './dto/statistics.dto';
import { StatisticsService } from './statistics.service';

@ApiTags('Service statistics')
@Controller()
export class StatisticsController {
  constructor(private readonly statistics: StatisticsService) {}

  @Get('providers/:id/statistics')
  @RouteRoles('GET /api/v1/providers/:id/statistics')
  @ApiOperation({
    summary: "A provider's national service statistics per period, with totals per year",
    description:
      'Never per municipality: the help is anonymous. Visible to whoever can see the provider (GET /providers/{id}).',
  })
  @ApiOkResponse({ type: ProviderStatisticsDto })
  @ApiProblemResponses(400, 404)
  get(@Param() { id }: IdParam, @Query() _query: NoQueryParams): Promise<ProviderStatisticsDto> {
    return this.statistics.forProvider(id);
  }

  @Post('providers/:id/statistics')
  @RouteRoles('POST /api/v1/providers/:id/statistics')
  @ApiOperation({
    summary: 'Record the service statistics of a period (the provider itself, or the operator)',
    description:
      'The period is either `year` (the whole calendar year) or `periodStart` and `periodEnd` (inclusive, within one calendar year, so that yearly totals are exact). ' +
      'Conversations per channel, optionally how many were answered, and optionally topic shares as exact decimals. A period overlapping another period of the provider is refused with 409.',
  })
  @ApiCreatedResponse({ type: ServiceStatisticDto })
  @ApiProblemResponses(400, 404, [409, 'Figures are already recorded for part of this period.'])
  record(@Param() { id }: IdParam, @Body() dto: RecordStatisticsDto): Promise<ServiceStatisticDto> {
    return this.statistics.record(id, dto);
  }
}
