import { Body, Controller, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { answerImport, ApiFileImport, ImportQuery } from '@wmo/common';
import { RouteRoles } from '@wmo/tenancy';
import { BillingDetailsImportService } from './billing-details-import.service';
import { BillingDetailsImportReportDto } from './dto/billing-details-import.dto';

@ApiTags('Invoicing')
@Controller('billing-details/imports')
export class BillingDetailsImportsController {
  constructor(private readonly imports: BillingDetailsImportService) {}

  @Post()
  @RouteRoles('POST /api/v1/billing-details/imports')
  @ApiOperation({
    summary: 'Billing details of many municipalities from a CSV file (the operator, or the VNG for its members)',
    description:
      'The body is the file (`Content-Type: text/csv`) with the header `code,oin,kvkNumber,street,postalCode,city,invoiceEmail`, ' +
      'optionally followed by `contractReference,year,purchaseOrderNumber`. Empty cells leave a value as it is. OIN: 20 digits ' +
      '(a municipal OIN `00000001` + RSIN + `000` passes the eleven test); KvK: 8 digits; postal code `1234 AB` (normalised). ' +
      'A contract manager sets only municipalities in its own contracts. Every problem with its line and column (422, nothing ' +
      'written); `dryRun=true` reports the changes (200); otherwise all are applied in one transaction and audited per ' +
      'municipality (201).',
  })
  @ApiFileImport(
    BillingDetailsImportReportDto,
    'code,oin,kvkNumber,street,postalCode,city,invoiceEmail\nGM0106,,,Noordersingel 33,9401 JW,Assen,\n',
  )
  import(
    @Body() file: unknown,
    @Query() query: ImportQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BillingDetailsImportReportDto> {
    const dryRun = query.dryRun === 'true';
    return answerImport(reply, dryRun, this.imports.import(file, dryRun));
  }
}
