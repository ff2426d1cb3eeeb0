import { ErrorCatalogue, FeatureError } from '@wmo/common';

export enum StatisticsErrorCode {
  PeriodOverlaps = 'STATISTICS_PERIOD_OVERLAPS',
}

const STATISTICS_ERRORS: ErrorCatalogue<StatisticsErrorCode> = {
  [StatisticsErrorCode.PeriodOverlaps]: { status: 409, title: 'Statistics already recorded for part of this period' },
};

export class StatisticsError extends FeatureError<StatisticsErrorCode> {
  protected catalogue(): ErrorCatalogue<StatisticsErrorCode> {
    return STATISTICS_ERRORS;
  }
}
