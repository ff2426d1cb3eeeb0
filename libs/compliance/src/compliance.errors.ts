import { assertUnreachable, DomainError } from '@wmo/common';

export enum ComplianceErrorCode {
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  DutyNotFound = 'DUTY_NOT_FOUND',
  NotExisting = 'MUNICIPALITY_NOT_EXISTING',
  DutyNotInForce = 'DUTY_NOT_IN_FORCE',
  OverviewNotAllowed = 'OVERVIEW_NOT_ALLOWED',
}

const TITLES: Record<ComplianceErrorCode, string> = {
  [ComplianceErrorCode.MunicipalityNotFound]: 'Municipality not found',
  [ComplianceErrorCode.DutyNotFound]: 'Duty not found',
  [ComplianceErrorCode.NotExisting]: 'The municipality did not exist in this period',
  [ComplianceErrorCode.DutyNotInForce]: 'The duty was not in force in this period',
  [ComplianceErrorCode.OverviewNotAllowed]: 'The national overview is for the VNG, providers and operators',
};

export class ComplianceError extends DomainError {
  readonly title: string;

  constructor(
    readonly code: ComplianceErrorCode,
    detail: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(detail, extensions);
    this.title = TITLES[code];
  }

  httpStatus(): number {
    switch (this.code) {
      case ComplianceErrorCode.MunicipalityNotFound:
      case ComplianceErrorCode.DutyNotFound:
        return 404;
      case ComplianceErrorCode.OverviewNotAllowed:
        return 403;
      case ComplianceErrorCode.NotExisting:
      case ComplianceErrorCode.DutyNotInForce:
        return 422;
      default:
        return assertUnreachable(this.code);
    }
  }
}
