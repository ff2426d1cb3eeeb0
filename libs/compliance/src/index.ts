export { ComplianceModule } from './compliance.module';
export type { ComplianceModuleOptions } from './compliance.module';
export { ObligationsService } from './obligations.service';
export { ComplianceError, ComplianceErrorCode } from './compliance.errors';
export { WMO_DUTY } from './compliance.constants';
export { EvaluationResultDto, ObligationsDto, ObligationsQuery } from './dto/compliance.dto';
export { OverviewDto, OverviewQuery } from './dto/overview.dto';
export { ComplianceReportDto, ReportQuery } from './report/report.dto';

// The daily evaluation: the worker runs it, start-up (libs/runtime) prepares its queue.
export { ComplianceEvaluator, EVALUATION_QUEUE, evaluationQueue } from './evaluation/compliance-evaluator';
export type { EvaluationJob, EvaluationResult } from './evaluation/compliance-evaluator';
