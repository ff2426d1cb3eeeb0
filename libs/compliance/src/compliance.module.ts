import { DynamicModule, Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { ComplianceEvaluator } from './evaluation/compliance-evaluator';
import { EVALUATE_HERE, EvaluationScheduler } from './evaluation/evaluation.scheduler';
import { ComplianceReportService } from './report/report.service';

export interface ComplianceModuleOptions {
  /** Work the daily evaluation in this process. */
  worker: boolean;
  /** Without HTTP (the worker). */
  controllers?: boolean;
}

@Module({})
export class ComplianceModule {
  static forRoot(options: ComplianceModuleOptions): DynamicModule {
    return {
      module: ComplianceModule,
      controllers: options.controllers === false ? [] : [ComplianceController],
      providers: [
        { provide: EVALUATE_HERE, useValue: options.worker },
        ComplianceService,
        ComplianceReportService,
        ComplianceEvaluator,
        EvaluationScheduler,
      ],
      exports: [ComplianceService, ComplianceEvaluator],
    };
  }
}
