import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answerImport, ApiFileImport, ImportQuery } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { ReorganisationImportReportDto } from './dto/reorganisation-import.dto';
import { ReorganisationImportsService } from './reorganisation-imports.service';

@ApiTags('Reference data')
@Controller('reference-data/reorganisation-imports')
export class ReorganisationImportsController {
  constructor(private readonly imports: ReorganisationImportsService) {}

  @Post()
  @RouteRoles('POST /api/v1/reference-data/reorganisation-imports')
  @ApiOperation({
    summary: 'Import a municipal reorganisation (herindeling) for a coming or past date',
    description:
      'The body is the file itself (`Content-Type: text/csv`, UTF-8 or Windows-1252, at most 5 MB), in the layout of ' +
      'data/reference/mergers.csv: `effective_date,old_code,new_code,relation,evidence_source`, optionally `old_name`, ' +
      '`new_name`, `new_province_code` (needed for a new municipality), `share_of_old_addresses`, `addresses_moved` and ' +
      '`notes`; one date per file; relations merged_into_new, absorbed_by_existing, split_part, renamed_new_code, ' +
      'boundary_correction_part, minor_boundary_remnant. It is checked against what is loaded: old codes exist the day ' +
      'before, a new code was never used, the shares of a split add up to at most 1. Every problem is reported with ' +
      'its line (422) and nothing is written. The report shows the municipalities that start and end, the ' +
      'participations that end with them and the roll-over each active contract would get; with `dryRun=true` ' +
      'nothing is written (200), otherwise it is applied in one transaction, audited, and the contract managers ' +
      'concerned are notified of the roll-over on offer (201). The same file again changes nothing.',
  })
  @ApiFileImport(
    ReorganisationImportReportDto,
    'effective_date,old_code,new_code,relation,evidence_source,new_name,new_province_code\n' +
      '2027-01-01,GM0106,GM1999,merged_into_new,https://example.org/wet,Voorbeeld,PV22\n',
  )
  import(
    @Body() file: unknown,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReorganisationImportReportDto> {
    const dryRun = query.dryRun === 'true';
    return answerImport(reply, dryRun, this.imports.import(file, dryRun));
  }
}
