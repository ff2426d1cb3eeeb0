export { StatisticsModule } from './statistics.module';

// Read by compliance's report, inside its own transaction.
export { StatisticsReader } from './statistics.reader';
export type { ProviderYearTotals } from './year-totals';
export { ChannelFiguresDto } from './dto/statistics.dto';

// Demo seeding (libs/demo), as the platform.
export { StatisticsSeeder } from './statistics.seeder';
export type { SeedStatistic } from './statistics.seeder';
