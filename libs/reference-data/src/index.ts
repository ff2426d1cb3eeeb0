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

