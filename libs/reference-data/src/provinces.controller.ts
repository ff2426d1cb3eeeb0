import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProvinceDto } from './dto/municipality.dto';
import { ReferenceDataService } from './reference-data.service';

@ApiTags('Reference data')
@Controller('provinces')
export class ProvincesController {
  constructor(private readonly referenceData: ReferenceDataService) {}

  @Get()
  @ApiOperation({ summary: 'The twelve provinces' })
  @ApiOkResponse({ type: [ProvinceDto] })
  list(): Promise<ProvinceDto[]> {
    return this.referenceData.provinces();
  }
}
