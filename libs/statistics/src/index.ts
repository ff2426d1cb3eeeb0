export * from './service-statistic.entity';
