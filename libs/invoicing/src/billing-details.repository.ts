import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import type { Transaction } from '@wmo/tenancy';
import type { CustomerBilling } from './invoicing.rules';
import { BillingDetailsEntity, PurchaseOrderEntity } from './run.entities';

/** An organisation's billing details (all null without any) and its purchase-order number for one contract and year. */
export interface CustomerBillingRow extends CustomerBilling {
  organisationId: string;
  purchaseOrder: string | null;
}

/** The billing_details and purchase_order tables: what a municipality wants on its invoices. */
@Injectable()
export class BillingDetailsRepository {
  byOrganisation(tx: Transaction, organisationId: string): Promise<BillingDetailsEntity | null> {
    return tx.manager.findOneBy(BillingDetailsEntity, { organisationId });
  }

  async upsert(tx: Transaction, organisationId: string, details: CustomerBilling): Promise<void> {
    await tx.manager.upsert(BillingDetailsEntity, { organisationId, ...details, updatedAt: new Date() }, [
      'organisationId',
    ]);
  }

  /** An organisation's purchase-order numbers, by year and contract. */
  purchaseOrders(tx: Transaction, organisationId: string): Promise<PurchaseOrderEntity[]> {
    return tx.manager.find(PurchaseOrderEntity, {
      where: { organisationId },
      order: { year: 'ASC', contractId: 'ASC' },
    });
  }

  /** Replaces an organisation's purchase-order numbers. */
  async replacePurchaseOrders(
    tx: Transaction,
    organisationId: string,
    orders: ReadonlyArray<{ contractId: string; year: number; number: string }>,
  ): Promise<void> {
    await tx.manager.delete(PurchaseOrderEntity, { organisationId });
    for (const order of orders) await tx.manager.insert(PurchaseOrderEntity, { organisationId, ...order });
  }

  /** The billing details of these organisations, those that have any. */
  byOrganisations(tx: Transaction, organisationIds: readonly string[]): Promise<BillingDetailsEntity[]> {
    return organisationIds.length
      ? tx.manager.findBy(BillingDetailsEntity, { organisationId: In([...organisationIds]) })
      : Promise.resolve([]);
  }

  /**
   * The same, row-locked until the transaction ends, for a change that merges into what is kept:
   * a change by the municipality itself at the same moment waits instead of being overwritten.
   */
  byOrganisationsForUpdate(tx: Transaction, organisationIds: readonly string[]): Promise<BillingDetailsEntity[]> {
    return organisationIds.length
      ? tx.manager.find(BillingDetailsEntity, {
          where: { organisationId: In([...organisationIds]) },
          lock: { mode: 'pessimistic_write' },
        })
      : Promise.resolve([]);
  }

  /** Sets one purchase-order number (for a contract and year), leaving the organisation's others alone. */
  async setPurchaseOrder(
    tx: Transaction,
    organisationId: string,
    order: { contractId: string; year: number; number: string },
  ): Promise<void> {
    await tx.manager.upsert(PurchaseOrderEntity, { organisationId, ...order }, [
      'organisationId',
      'contractId',
      'year',
    ]);
  }

  /**
   * The billing details of these organisations with their purchase-order number for the contract
   * and year (one statement for a batch of customers); an organisation without details has a row
   * of nulls.
   */
  forCustomers(
    tx: Transaction,
    organisationIds: readonly string[],
    contractId: string,
    year: number,
  ): Promise<CustomerBillingRow[]> {
    return tx.manager.query<CustomerBillingRow[]>(
      `SELECT o.id AS "organisationId", b.oin, b.kvk_number AS "kvkNumber", b.street, b.postal_code AS "postalCode", b.city,
              b.invoice_email AS "invoiceEmail", po.number AS "purchaseOrder"
         FROM unnest($1::uuid[]) AS o(id)
         LEFT JOIN billing_details b ON b.organisation_id = o.id
         LEFT JOIN purchase_order po ON po.organisation_id = o.id AND po.contract_id = $2 AND po.year = $3`,
      [organisationIds, contractId, year],
    );
  }
}
