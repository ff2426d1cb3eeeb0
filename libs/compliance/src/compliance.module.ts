import { DynamicModule, Module } from '@nestjs/common';
import { ContractsModule } from '@wmo/contracts';
import { IdentityModule } from '@wmo/identity';
import { ReferenceDataModule } from '@wmo/reference-data';
import { StatisticsModule } from '@wmo/statistics';
import { ComplianceController } from './compliance.controller';
import { CoverageSnapshots } from './coverage-snapshot';
import { ComplianceEvaluator } from './evaluation/compliance-evaluator';
import { EvaluationRepository } from './evaluation/evaluation.repository';
import { EVALUATE_HERE, EvaluationScheduler } from './evaluation/evaluation.scheduler';
import { ObligationsService } from './obligations.service';
import { OverviewService } from './overview.service';
import { ComplianceReportService } from './report/report.service';

export interface ComplianceModuleOptions {
  /** Work the daily evaluation in this process. */
  worker: boolean;
  /** Without HTTP (the worker). */
  controllers?: boolean;
}

/**
 * Obligations, the national overview, the council report and the daily evaluation. It reads
 * contracts, reference data, organisations and statistics through their readers (IdentityModule
 * as is provides the OrganisationDirectory alone, also in the worker); the InvoicingReader and
 * the EventPublisher come from the global modules the applications import with `forRoot`.
 */
@Module({})
export class ComplianceModule {
  static forRoot(options: ComplianceModuleOptions): DynamicModule {
    return {
      module: ComplianceModule,
      imports: [ContractsModule, ReferenceDataModule, IdentityModule, StatisticsModule],
      controllers: options.controllers === false ? [] : [ComplianceController],
      providers: [
        { provide: EVALUATE_HERE, useValue: options.worker },
        EvaluationRepository,
        CoverageSnapshots,
        ObligationsService,
        OverviewService,
        ComplianceReportService,
        ComplianceEvaluator,
        EvaluationScheduler,
      ],
      exports: [ObligationsService, ComplianceEvaluator],
    };
  }
}
