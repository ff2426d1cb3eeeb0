import { ErrorCatalogue, FeatureError } from '@wmo/common';

export enum ComplianceErrorCode {
  MunicipalityNotFound = 'MUNICIPALITY_NOT_FOUND',
  DutyNotFound = 'DUTY_NOT_FOUND',
  NotExisting = 'MUNICIPALITY_NOT_EXISTING',
  DutyNotInForce = 'DUTY_NOT_IN_FORCE',
  OverviewNotAllowed = 'OVERVIEW_NOT_ALLOWED',
}

const COMPLIANCE_ERRORS: ErrorCatalogue<ComplianceErrorCode> = {
  [ComplianceErrorCode.MunicipalityNotFound]: { status: 404, title: 'Municipality not found' },
  [ComplianceErrorCode.DutyNotFound]: { status: 404, title: 'Duty not found' },
  [ComplianceErrorCode.NotExisting]: { status: 422, title: 'The municipality did not exist in this period' },
  [ComplianceErrorCode.DutyNotInForce]: { status: 422, title: 'The duty was not in force in this period' },
  [ComplianceErrorCode.OverviewNotAllowed]: {
    status: 403,
    title: 'The national overview is for the VNG, providers and operators',
  },
};

export class ComplianceError extends FeatureError<ComplianceErrorCode> {
  protected catalogue(): ErrorCatalogue<ComplianceErrorCode> {
    return COMPLIANCE_ERRORS;
  }
}
