import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answerImport, ApiFileImport, ImportQuery } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { PopulationImportReportDto } from './dto/population-import.dto';
import { PopulationImportsService } from './population-imports.service';

@ApiTags('Reference data')
@Controller('reference-data/population-imports')
export class PopulationImportsController {
  constructor(private readonly imports: PopulationImportsService) {}

  @Post()
  @RouteRoles('POST /api/v1/reference-data/population-imports')
  @ApiOperation({
    summary: 'Import CBS population figures (the figure on 1 January of each year)',
    description:
      'The body is the file itself (`Content-Type: text/csv`, UTF-8 or Windows-1252, at most 5 MB): the header ' +
      '`code,year,population`, or a CBS StatLine export of table 03759ned (semicolon-separated; the columns `RegioS`, ' +
      '`Perioden` such as `2025JJ00` and `BevolkingOp1Januari_1` are read, other regions than municipalities skipped). ' +
      'Every problem of the file is reported with its line number (422) and nothing is written. With `dryRun=true` ' +
      'the report says what the file would change (200); otherwise the whole file is applied in one transaction, ' +
      'audited (201). Importing the same file again changes nothing.',
  })
  @ApiFileImport(PopulationImportReportDto, 'code,year,population\nGM0106,2025,70000\n')
  import(
    @Body() file: unknown,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PopulationImportReportDto> {
    const dryRun = query.dryRun === 'true';
    return answerImport(reply, dryRun, this.imports.import(file, dryRun));
  }
}
