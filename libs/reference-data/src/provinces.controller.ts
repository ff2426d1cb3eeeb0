import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses, NoQueryParams } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { ProvinceDto } from './dto/municipality.dto';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('Reference data')
@Controller('provinces')
export class ProvincesController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get()
  @RouteRoles('GET /api/v1/provinces')
  @ApiOperation({ summary: 'The twelve provinces' })
  @ApiOkResponse({ type: [ProvinceDto] })
  @ApiProblemResponses([400, 'An unknown query parameter was sent.'])
  list(@Query() _query: NoQueryParams): Promise<ProvinceDto[]> {
    return this.referenceData.provinces();
  }
}
