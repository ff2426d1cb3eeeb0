import { Module } from '@nestjs/common';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalityDetailRepository } from './municipality-detail.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { PopulationImportService } from './population-import.service';
import { PopulationImportsController } from './population-imports.controller';
import { PopulationImportsService } from './population-imports.service';
import { ProvinceRepository } from './province.repository';
import { ProvincesController } from './provinces.controller';
import { ReferenceDataReader } from './reference-data.reader';
import { ReferenceDataService } from './reference-data.service';
import { ReorganisationFiles } from './reorganisation-files';

/** Needs TenancyModule (global) for ReferenceDatabase and, for the population import, UnscopedDatabase. */
@Module({
  controllers: [MunicipalitiesController, ProvincesController, PopulationImportsController],
  providers: [
    ReferenceDataService,
    ReferenceDataReader,
    PopulationImportService,
    PopulationImportsService,
    ProvinceRepository,
    MunicipalityRepository,
    PopulationFigureRepository,
    MunicipalChangeRepository,
    MunicipalityDetailRepository,
    ReorganisationFiles,
  ],
  exports: [ReferenceDataReader, PopulationImportService, ReorganisationFiles],
})
export class ReferenceDataModule {}
