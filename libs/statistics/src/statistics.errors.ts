import { assertUnreachable, DomainError } from '@wmo/common';

export enum StatisticsErrorCode {
  PeriodOverlaps = 'STATISTICS_PERIOD_OVERLAPS',
}

const TITLES: Record<StatisticsErrorCode, string> = {
  [StatisticsErrorCode.PeriodOverlaps]: 'Statistics already recorded for part of this period',
};

export class StatisticsError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: StatisticsErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case StatisticsErrorCode.PeriodOverlaps:
        return 409;
      default:
        return assertUnreachable(this.code);
    }
  }
}
