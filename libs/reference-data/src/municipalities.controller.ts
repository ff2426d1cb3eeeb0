import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { ListMunicipalitiesQuery } from './dto/list-municipalities.query';
import { ApiMunicipalityCode, MunicipalityCode } from './dto/municipality-code.param';
import { MunicipalityDetailDto, MunicipalityPageDto, TerritoryPopulationDto } from './dto/municipality.dto';
import { PopulationQuery } from './dto/population.query';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('Reference data')
@Controller('municipalities')
export class MunicipalitiesController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get()
  @RouteRoles('GET /api/v1/municipalities')
  @ApiOperation({
    summary: 'Municipalities existing on 1 January of a year',
    description: 'With their CBS population on that date (or the latest date with a figure before it).',
  })
  @ApiOkResponse({ type: MunicipalityPageDto })
  @ApiProblemResponses(400)
  list(@Query() query: ListMunicipalitiesQuery): Promise<MunicipalityPageDto> {
    return this.referenceData.list(query);
  }

  @Get(':code')
  @RouteRoles('GET /api/v1/municipalities/:code')
  @ApiOperation({ summary: 'One municipality with its population history and reorganisations' })
  @ApiOkResponse({ type: MunicipalityDetailDto })
  @ApiProblemResponses(400, [404, 'No municipality has this code.'])
  @ApiMunicipalityCode()
  @Header('Content-Type', 'application/json; charset=utf-8')
  get(@MunicipalityCode() code: string): Promise<string> {
    return this.referenceData.getDocument(code);
  }

  @Get(':code/population')
  @RouteRoles('GET /api/v1/municipalities/:code/population')
  @ApiOperation({
    summary: 'Inhabitants of the territory that forms the municipality on a date',
    description:
      'Billing rule 3: the CBS figures on `referenceDate` of the municipality itself plus everything that merged into it ' +
      'after `referenceDate` and up to `asOf`, recursively; split parts weighted by their address share, rounded half up. ' +
      'Where a split has no known share the result is `approximate`, with the reason in `notes`.',
  })
  @ApiOkResponse({ type: TerritoryPopulationDto })
  @ApiProblemResponses(400, [
    404,
    'Unknown code, a municipality that did not exist on `asOf`, or no CBS figures for `referenceDate`.',
  ])
  @ApiMunicipalityCode()
  population(@MunicipalityCode() code: string, @Query() query: PopulationQuery): Promise<TerritoryPopulationDto> {
    return this.referenceData.population(code, query.referenceDate, query.asOf);
  }
}
