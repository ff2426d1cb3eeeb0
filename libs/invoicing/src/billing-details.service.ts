import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { ContractsReader } from '@wmo/contracts';
import { OrganisationDirectory } from '@wmo/identity';
import { hasRole, isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDetailsDto } from './dto/billing-details.dto';
import { BillingDetailsRepository } from './billing-details.repository';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/** A municipality's invoicing details: its own FINANCE or ORG_ADMIN keep them (or an operator). */
@Injectable()
export class BillingDetailsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly billing: BillingDetailsRepository,
    private readonly organisations: OrganisationDirectory,
    private readonly contracts: ContractsReader,
  ) {}

  get(code: string): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => this.read(tx, await this.organisationId(tx, code)));
  }

  put(code: string, dto: BillingDetailsDto): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => {
      const organisationId = await this.organisationId(tx, code);
      const before = await this.read(tx, organisationId);
      const orders = dto.purchaseOrders ?? [];
      const duplicate = orders.findIndex(
        (po, i) => orders.findIndex((other) => other.contractId === po.contractId && other.year === po.year) < i,
      );
      if (duplicate >= 0)
        throw new RequestValidationError([
          {
            field: `purchaseOrders.${duplicate}`,
            message: `purchaseOrders has two numbers for contract ${orders[duplicate].contractId} in ${orders[duplicate].year}; give one per contract and year`,
          },
        ]);
      const contractIds = [...new Set(orders.map((po) => po.contractId))];
      const visible = new Set(contractIds.length ? await this.contracts.visibleContractIds(tx, contractIds) : []);
      const unknown = contractIds.find((id) => !visible.has(id));
      if (unknown)
        throw new InvoicingError(
          InvoicingErrorCode.MunicipalityNotFound,
          `There is no contract ${unknown} that ${code} takes part in.`,
        );
      await this.billing.upsert(tx, organisationId, {
        oin: dto.oin ?? null,
        kvkNumber: dto.kvkNumber ?? null,
        street: dto.invoiceAddress?.street ?? null,
        postalCode: dto.invoiceAddress?.postalCode ?? null,
        city: dto.invoiceAddress?.city ?? null,
        invoiceEmail: dto.invoiceEmail ?? null,
      });
      await this.billing.replacePurchaseOrders(
        tx,
        organisationId,
        orders.map((po) => ({ contractId: po.contractId, year: po.year, number: po.number })),
      );
      const after = await this.read(tx, organisationId);
      await tx.audit({
        action: 'billing-details.updated',
        entityType: 'billing-details',
        entityId: code,
        organisationId,
        before,
        after,
      });
      return after;
    });
  }

  /** The municipality's own FINANCE or ORG_ADMIN, or an operator; for anyone else it does not exist. */
  private async organisationId(tx: TenantTransaction, code: string): Promise<string> {
    const { principal } = tx;
    const own =
      principal.municipalityCode === code && (hasRole(principal, 'FINANCE') || hasRole(principal, 'ORG_ADMIN'));
    const organisation =
      own || isOperator(principal) ? await this.organisations.municipalityOrganisation(tx, code) : null;
    if (!organisation)
      throw new InvoicingError(
        InvoicingErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} whose billing details you keep.`,
      );
    return organisation.id;
  }

  private async read(tx: TenantTransaction, organisationId: string): Promise<Required<BillingDetailsDto>> {
    const details = await this.billing.byOrganisation(tx, organisationId);
    const orders = await this.billing.purchaseOrders(tx, organisationId);
    return {
      oin: details?.oin ?? null,
      kvkNumber: details?.kvkNumber ?? null,
      invoiceAddress: details?.street
        ? { street: details.street, postalCode: details.postalCode ?? '', city: details.city ?? '' }
        : null,
      invoiceEmail: details?.invoiceEmail ?? null,
      purchaseOrders: orders.map((po) => ({ contractId: po.contractId, year: po.year, number: po.number })),
    };
  }
}
