import { Module } from '@nestjs/common';
import { ComplianceController } from './compliance.controller';
import { ComplianceService } from './compliance.service';
import { ComplianceReportService } from './report/report.service';

@Module({
  controllers: [ComplianceController],
  providers: [ComplianceService, ComplianceReportService],
  exports: [ComplianceService],
})
export class ComplianceModule {}
