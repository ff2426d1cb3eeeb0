import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import { ContractsReader } from '@wmo/contracts';
import { OrganisationDirectory } from '@wmo/identity';
import { hasRole, isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDetailsDto } from './dto/billing-details.dto';
import { BillingDetailsRepository } from './billing-details.repository';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/**
 * What an organisation wants on its invoices: a municipality's (by code), or any organisation's by
 * id, such as the VNG's for a central invoice. Its own FINANCE or ORG_ADMIN keep them (or an operator).
 */
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

  /** An organisation's own billing details (a central invoice is addressed to the contracting party). */
  getOfOrganisation(id: string): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => this.read(tx, await this.ownOrganisation(tx, id)));
  }

  put(code: string, dto: BillingDetailsDto): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => this.write(tx, await this.organisationId(tx, code), code, dto));
  }

  putOfOrganisation(id: string, dto: BillingDetailsDto): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => this.write(tx, await this.ownOrganisation(tx, id), id, dto));
  }

  /** Replaces the details and purchase orders of the organisation (`label`: its code or id, as the caller named it), audited. */
  private async write(
    tx: TenantTransaction,
    organisationId: string,
    label: string,
    dto: BillingDetailsDto,
  ): Promise<Required<BillingDetailsDto>> {
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
        `There is no contract ${unknown} that ${label} takes part in.`,
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
      entityId: label,
      organisationId,
      before,
      after,
    });
    return after;
  }

  /** The caller's own organisation, for its FINANCE or ORG_ADMIN, or any for an operator; for anyone else it does not exist. */
  private async ownOrganisation(tx: TenantTransaction, id: string): Promise<string> {
    const { principal } = tx;
    const own = principal.organisationId === id && (hasRole(principal, 'FINANCE') || hasRole(principal, 'ORG_ADMIN'));
    const organisation = own || isOperator(principal) ? await this.organisations.organisation(tx, id) : null;
    if (!organisation)
      throw new InvoicingError(
        InvoicingErrorCode.OrganisationNotFound,
        `There is no organisation ${id} whose billing details you keep.`,
      );
    return organisation.id;
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
