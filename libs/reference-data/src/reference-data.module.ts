import { Module } from '@nestjs/common';
import { MunicipalitiesController } from './municipalities.controller';
import { PopulationImportService } from './population-import.service';
import { ProvincesController } from './provinces.controller';
import { ReferenceDataService } from './reference-data.service';

@Module({
  controllers: [MunicipalitiesController, ProvincesController],
  providers: [ReferenceDataService, PopulationImportService],
  exports: [ReferenceDataService, PopulationImportService],
})
export class ReferenceDataModule {}
