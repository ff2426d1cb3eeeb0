export * from './service-statistic.entity';
export * from './statistics.module';
