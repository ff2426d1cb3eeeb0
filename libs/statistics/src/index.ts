export * from './service-statistic.entity';
export * from './statistic-rules';
export * from './statistics.errors';
export * from './statistics.module';
export * from './statistics.service';
export * from './year-totals';
export { ChannelFiguresDto } from './dto/statistics.dto';
