import { Injectable } from '@nestjs/common';
import { decodeUpload, reportedProblems } from '@wmo/common';
import { ContractsReader } from '@wmo/contracts';
import { OrganisationDirectory } from '@wmo/identity';
import { isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDetailsRepository } from './billing-details.repository';
import { BillingFileProblem, BillingFileRow, readBillingFile } from './billing-details-file.rules';
import { BillingDetailsChangeDto, BillingDetailsImportReportDto } from './dto/billing-details-import.dto';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';
import type { CustomerBilling } from './invoicing.rules';

const FIELDS = ['oin', 'kvkNumber', 'street', 'postalCode', 'city', 'invoiceEmail'] as const;

/** A purchase-order number the file sets for a municipality, contract and year, beside the one kept. */
interface PurchaseOrderChange {
  organisationId: string;
  code: string;
  contractId: string;
  contractReference: string;
  year: number;
  number: string;
  previous: string | null;
}

/**
 * Billing details for many municipalities at once, from a CSV file: the platform operator for any
 * municipality, the VNG's contract manager for the municipalities in its contracts. The whole file
 * is checked first (OIN with the RSIN's eleven test, KvK number, postal code, e-mail; codes that
 * exist and that the caller may set) and every problem reported with its line and column; a dry
 * run reports the changes, an import applies them all in one transaction or nothing. An empty cell
 * leaves the value as it is. Every municipality's change is audited in its own audit log, naming
 * who set it; its own FINANCE may change its details afterwards as before.
 */
@Injectable()
export class BillingDetailsImportService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly billing: BillingDetailsRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly contracts: ContractsReader,
  ) {}

  import(file: unknown, dryRun: boolean): Promise<BillingDetailsImportReportDto> {
    if (!Buffer.isBuffer(file) && file !== undefined)
      throw new InvoicingError(
        InvoicingErrorCode.NotACsvFile,
        'Send the file itself as the request body, with Content-Type: text/csv (UTF-8 or Windows-1252).',
      );
    return this.db.transaction(async (tx) => {
      const { rows, problems } = readBillingFile(file ? decodeUpload(file) : '');
      // Which municipalities exist is public; the caller's transaction may not see their organisations.
      const codes = [...new Set(rows.map((row) => row.code))];
      const found = await tx.unscopedWithin((platform) =>
        this.organisations.municipalityOrganisations(platform, codes),
      );
      const organisations = new Map(found.map((o) => [o.municipalityCode, o]));
      const allowed = isOperator(tx.principal)
        ? null
        : await this.contracts.participantCodesOf(tx, tx.principal.organisationId);
      const references = [...new Set(rows.flatMap((row) => row.purchaseOrder?.contractReference ?? []))];
      const contracts = await this.contracts.contractsByReference(tx, references);
      for (const row of rows) {
        if (!organisations.has(row.code))
          problems.push({ line: row.line, field: 'code', message: `there is no municipality ${row.code}` });
        else if (allowed && !allowed.has(row.code))
          problems.push({
            line: row.line,
            field: 'code',
            message: `${row.code} takes no part in a contract of yours; its own finance staff keep its details`,
          });
        const reference = row.purchaseOrder?.contractReference;
        const contract = reference ? contracts.get(reference) : undefined;
        if (reference && !contract)
          problems.push({ line: row.line, field: 'contractReference', message: `there is no contract ${reference}` });
        else if (contract && allowed && contract.contractingOrganisationId !== tx.principal.organisationId)
          problems.push({
            line: row.line,
            field: 'contractReference',
            message: `${reference} is not a contract of yours; its contracting party keeps its purchase orders`,
          });
      }
      if (problems.length) throw invalidFile(problems);

      // Now that the caller may set every row: the details as kept, which its own transaction may not see.
      const ids = [...organisations.values()].map((o) => o.id);
      const kept = await tx.unscopedWithin((platform) => this.billing.byOrganisationsForUpdate(platform, ids));
      const before = new Map(kept.map((b) => [b.organisationId, b]));
      const changes: BillingDetailsChangeDto[] = [];
      // Per organisation (a file may name one in several rows): what is kept, and after the rows so far.
      const writes = new Map<
        string,
        { organisationId: string; code: string; before: CustomerBilling; after: CustomerBilling }
      >();
      for (const row of rows) {
        const organisationId = organisations.get(row.code)!.id;
        const write = writes.get(organisationId) ?? {
          organisationId,
          code: row.code,
          before: detailsOf(before.get(organisationId)),
          after: detailsOf(before.get(organisationId)),
        };
        const current = write.after;
        write.after = merge(current, row);
        for (const field of FIELDS)
          if (write.after[field] !== current[field])
            changes.push({ code: row.code, field, previous: current[field], value: write.after[field] });
        writes.set(organisationId, write);
      }
      const orders = await this.purchaseOrderChanges(tx, rows, organisations, contracts);
      for (const order of orders)
        changes.push({
          code: order.code,
          field: 'purchaseOrderNumber',
          contractReference: order.contractReference,
          year: order.year,
          previous: order.previous,
          value: order.number,
        });
      if (!dryRun) await this.apply(tx, [...writes.values()], orders);
      return { applied: !dryRun, rows: rows.length, changes };
    });
  }

  /** The purchase-order numbers the file sets differently from what is kept (read as the platform, after the checks). */
  private async purchaseOrderChanges(
    tx: TenantTransaction,
    rows: readonly BillingFileRow[],
    organisations: ReadonlyMap<string | null, { id: string }>,
    contracts: ReadonlyMap<string, { id: string }>,
  ): Promise<PurchaseOrderChange[]> {
    const withOrders = rows.filter((row) => row.purchaseOrder !== null);
    const organisationIds = [...new Set(withOrders.map((row) => organisations.get(row.code)!.id))];
    const kept = new Map<string, string>();
    await tx.unscopedWithin(async (platform) => {
      for (const organisationId of organisationIds)
        for (const order of await this.billing.purchaseOrders(platform, organisationId))
          kept.set(`${organisationId}/${order.contractId}/${order.year}`, order.number);
    });
    return withOrders.flatMap((row) => {
      const { contractReference, year, number } = row.purchaseOrder!;
      const organisationId = organisations.get(row.code)!.id;
      const contractId = contracts.get(contractReference)!.id;
      const previous = kept.get(`${organisationId}/${contractId}/${year}`) ?? null;
      return previous === number
        ? []
        : [{ organisationId, code: row.code, contractId, contractReference, year, number, previous }];
    });
  }

  /**
   * Writes what changes. The VNG sets details of organisations other than its own, which row-level
   * security lets only the platform write: after the checks above, in the same transaction, as the
   * platform (unscopedWithin); the audit names the VNG as the actor.
   */
  private async apply(
    tx: TenantTransaction,
    writes: ReadonlyArray<{ organisationId: string; code: string; before: CustomerBilling; after: CustomerBilling }>,
    orders: readonly PurchaseOrderChange[],
  ): Promise<void> {
    const changed = writes.filter((write) => FIELDS.some((field) => write.before[field] !== write.after[field]));
    await tx.unscopedWithin(async (platform) => {
      for (const write of changed) await this.billing.upsert(platform, write.organisationId, write.after);
      for (const order of orders)
        await this.billing.setPurchaseOrder(platform, order.organisationId, {
          contractId: order.contractId,
          year: order.year,
          number: order.number,
        });
    });
    for (const write of changed) {
      await tx.audit({
        action: 'billing-details.imported',
        entityType: 'billing-details',
        entityId: write.code,
        organisationId: write.organisationId,
        before: write.before,
        after: write.after,
      });
    }
    for (const order of orders) {
      await tx.audit({
        action: 'purchase-order.imported',
        entityType: 'purchase-order',
        entityId: `${order.code}/${order.contractReference}/${order.year}`,
        organisationId: order.organisationId,
        before: { number: order.previous },
        after: { number: order.number },
      });
    }
  }
}

function detailsOf(row: CustomerBilling | undefined): CustomerBilling {
  return {
    oin: row?.oin ?? null,
    kvkNumber: row?.kvkNumber ?? null,
    street: row?.street ?? null,
    postalCode: row?.postalCode ?? null,
    city: row?.city ?? null,
    invoiceEmail: row?.invoiceEmail ?? null,
  };
}

/** The row's values where it has one; an empty cell keeps the current value. */
function merge(current: CustomerBilling, row: BillingFileRow): CustomerBilling {
  return Object.fromEntries(FIELDS.map((field) => [field, row[field] ?? current[field]])) as unknown as CustomerBilling;
}

function invalidFile(problems: BillingFileProblem[]): InvoicingError {
  return new InvoicingError(
    InvoicingErrorCode.InvalidBillingFile,
    `${problems.length} problem(s) found; nothing was written. Fix them all and send the file again.`,
    { problems: reportedProblems(problems) },
  );
}
