import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import { ContractEntity } from '@wmo/contracts';
import { OrganisationEntity } from '@wmo/identity';
import { hasRole, isOperator, ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { BillingDetailsDto } from './dto/invoicing.dto';
import { BillingDetailsEntity, PurchaseOrderEntity } from './invoicing.entities';
import { InvoicingError, InvoicingErrorCode } from './invoicing.errors';

/** A municipality's invoicing details: its own FINANCE or ORG_ADMIN keep them (or an operator). */
@Injectable()
export class BillingDetailsService {
  constructor(private readonly db: ScopedDatabase) {}

  get(code: string): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => this.read(tx, await this.organisation(tx, code)));
  }

  put(code: string, dto: BillingDetailsDto): Promise<Required<BillingDetailsDto>> {
    return this.db.transaction(async (tx) => {
      const organisation = await this.organisation(tx, code);
      const before = await this.read(tx, organisation);
      const orders = dto.purchaseOrders ?? [];
      const duplicate = orders.findIndex(
        (po, i) => orders.findIndex((other) => other.contractId === po.contractId && other.year === po.year) < i,
      );
      if (duplicate >= 0) {
        throw new RequestValidationError([
          {
            field: `purchaseOrders.${duplicate}`,
            message: `purchaseOrders has two numbers for contract ${orders[duplicate].contractId} in ${orders[duplicate].year}; give one per contract and year`,
          },
        ]);
      }
      const contractIds = [...new Set((dto.purchaseOrders ?? []).map((po) => po.contractId))];
      const visible = contractIds.length ? await tx.manager.findBy(ContractEntity, { id: In(contractIds) }) : [];
      const unknown = contractIds.find((id) => !visible.some((c) => c.id === id));
      if (unknown)
        throw new InvoicingError(
          InvoicingErrorCode.MunicipalityNotFound,
          `There is no contract ${unknown} that ${code} takes part in.`,
        );
      await tx.manager.upsert(
        BillingDetailsEntity,
        {
          organisationId: organisation.id,
          oin: dto.oin ?? null,
          kvkNumber: dto.kvkNumber ?? null,
          street: dto.invoiceAddress?.street ?? null,
          postalCode: dto.invoiceAddress?.postalCode ?? null,
          city: dto.invoiceAddress?.city ?? null,
          invoiceEmail: dto.invoiceEmail ?? null,
          updatedAt: new Date(),
        },
        ['organisationId'],
      );
      await tx.manager.delete(PurchaseOrderEntity, { organisationId: organisation.id });
      for (const po of dto.purchaseOrders ?? [])
        await tx.manager.insert(PurchaseOrderEntity, {
          organisationId: organisation.id,
          contractId: po.contractId,
          year: po.year,
          number: po.number,
        });
      const after = await this.read(tx, organisation);
      await tx.audit({
        action: 'billing-details.updated',
        entityType: 'billing-details',
        entityId: code,
        organisationId: organisation.id,
        before,
        after,
      });
      return after;
    });
  }

  /** The municipality's own FINANCE or ORG_ADMIN, or an operator; for anyone else it does not exist. */
  private async organisation(tx: TenantTransaction, code: string): Promise<OrganisationEntity> {
    const { principal } = tx;
    const own =
      principal.municipalityCode === code && (hasRole(principal, 'FINANCE') || hasRole(principal, 'ORG_ADMIN'));
    const organisation =
      own || isOperator(principal) ? await tx.manager.findOneBy(OrganisationEntity, { municipalityCode: code }) : null;
    if (!organisation)
      throw new InvoicingError(
        InvoicingErrorCode.MunicipalityNotFound,
        `There is no municipality ${code} whose billing details you keep.`,
      );
    return organisation;
  }

  private async read(tx: TenantTransaction, organisation: OrganisationEntity): Promise<Required<BillingDetailsDto>> {
    const details = await tx.manager.findOneBy(BillingDetailsEntity, { organisationId: organisation.id });
    const orders = await tx.manager.find(PurchaseOrderEntity, {
      where: { organisationId: organisation.id },
      order: { year: 'ASC', contractId: 'ASC' },
    });
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
