export * from './bundled-reference-data';
export * from './dto/municipality-code.param';
export * from './municipal-change.entity';
export * from './municipality.entity';
export * from './municipality-detail.view';
export * from './population-figure.entity';
export * from './population-import.service';
export * from './province.entity';
export * from './reference-data-state.entity';
export * from './reference-data.errors';
export * from './reference-data.loader';
export * from './reference-data.module';
export * from './reference-data.service';

import { MunicipalChangeEntity } from './municipal-change.entity';
import { MunicipalityEntity } from './municipality.entity';
import { MunicipalityDetailView } from './municipality-detail.view';
import { PopulationFigureEntity } from './population-figure.entity';
import { ProvinceEntity } from './province.entity';
import { ReferenceDataStateEntity } from './reference-data-state.entity';

export const REFERENCE_DATA_ENTITIES = [
  ProvinceEntity,
  MunicipalityEntity,
  PopulationFigureEntity,
  MunicipalChangeEntity,
  ReferenceDataStateEntity,
  MunicipalityDetailView,
];
