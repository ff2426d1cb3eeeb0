// The entities entry point (@wmo/reference-data/entities): for the migration schema only.
import { MunicipalChangeEntity } from './municipal-change.entity';
import { MunicipalityDetailView } from './municipality-detail.view';
import { MunicipalityEntity } from './municipality.entity';
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
