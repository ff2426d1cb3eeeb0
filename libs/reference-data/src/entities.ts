// The entities entry point (@wmo/reference-data/entities): for the migration schema only.
import { MunicipalityDetailView } from './municipality-detail.view';
import {
  MunicipalChangeEntity,
  MunicipalityEntity,
  PopulationFigureEntity,
  ProvinceEntity,
  ReferenceDataStateEntity,
} from './reference-data.entities';

export const REFERENCE_DATA_ENTITIES = [
  ProvinceEntity,
  MunicipalityEntity,
  PopulationFigureEntity,
  MunicipalChangeEntity,
  ReferenceDataStateEntity,
  MunicipalityDetailView,
];
