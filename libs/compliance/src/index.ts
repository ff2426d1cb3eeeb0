export * from './compliance.entities';
export * from './compliance.errors';
export * from './compliance.module';
export * from './compliance.service';
export * from './coverage.loader';
export * from './dto/compliance.dto';
export * from './report/report.dto';
export * from './report/report.service';
