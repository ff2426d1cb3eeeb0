import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entities';
import type { ContractTerms, InvoicingTerms, SupplierBillingDetails } from './contract.types';
import type { ContractKind, ContractStatus } from './contracts.constants';

export interface ContractListFilter {
  kind?: ContractKind;
  /** ENDED and ACTIVE are read as people read them: an active contract past its end date has ENDED. */
  status?: ContractStatus;
  year?: number;
  /** Contracts in which this municipality takes (or took) part. */
  municipality?: string;
  /** An ILIKE pattern matched against reference and title; null for all. */
  pattern: string | null;
  sort: { field: 'reference' | 'title' | 'startDate' | 'endDate'; descending: boolean };
  today: IsoDate;
  page: number;
  limit: number;
}

export type NewContract = Omit<
  ContractEntity,
  'id' | 'version' | 'createdAt' | 'updatedAt' | 'duty' | 'supplier' | 'contractingOrganisation'
>;

/** A contract, its duty and its supplier's billing details in one row. */
export interface ContractBillingRow
  extends ContractTerms, InvoicingTerms, Omit<SupplierBillingDetails, 'organisationId'> {
  dutyName: string;
  dutyLegalBasis: string;
}

/** The contract table. Row-level security shows the caller's contracts only. */
@Injectable()
export class ContractRepository {
  /** A page of contracts, newest start first, with the number the filter matches. */
  page(tx: Transaction, filter: ContractListFilter): Promise<[ContractEntity[], number]> {
    const qb = tx.manager.createQueryBuilder(ContractEntity, 'c');
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.status === 'ENDED') qb.andWhere(`c.status = 'ACTIVE' AND c.end_date < :today`, { today: filter.today });
    else if (filter.status === 'ACTIVE')
      qb.andWhere(`c.status = 'ACTIVE' AND (c.end_date IS NULL OR c.end_date >= :today)`, { today: filter.today });
    else if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
    if (filter.year)
      qb.andWhere(
        `c.start_date <= make_date(:year, 12, 31) AND (c.end_date IS NULL OR c.end_date >= make_date(:year, 1, 1))`,
        { year: filter.year },
      );
    if (filter.municipality) {
      qb.andWhere(`EXISTS (SELECT 1 FROM participation p WHERE p.contract_id = c.id AND p.municipality_code = :code)`, {
        code: filter.municipality,
      });
    }
    if (filter.pattern)
      qb.andWhere('(c.reference ILIKE :pattern OR c.title ILIKE :pattern)', { pattern: filter.pattern });
    return qb
      .orderBy(`c.${filter.sort.field}`, filter.sort.descending ? 'DESC' : 'ASC', 'NULLS LAST')
      .addOrderBy('c.reference', 'ASC')
      .skip((filter.page - 1) * filter.limit)
      .take(filter.limit)
      .getManyAndCount();
  }

  findById(tx: Transaction, id: string): Promise<ContractEntity | null> {
    return tx.manager.findOneBy(ContractEntity, { id });
  }

  findByIds(tx: Transaction, ids: readonly string[]): Promise<ContractEntity[]> {
    return ids.length ? tx.manager.findBy(ContractEntity, { id: In([...ids]) }) : Promise.resolve([]);
  }

  /** The contract, row-locked (FOR UPDATE) until the transaction ends, as it is under the lock. */
  findByIdForUpdate(tx: Transaction, id: string): Promise<ContractEntity> {
    return tx.manager.findOneOrFail(ContractEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Inserts a contract; a taken reference fails on contract_reference_key (23505). */
  insert(tx: Transaction, contract: NewContract): Promise<ContractEntity> {
    return tx.manager.save(ContractEntity, tx.manager.create(ContractEntity, contract));
  }

  /** Writes the changed columns (and the version); a taken reference fails on contract_reference_key. */
  save(tx: Transaction, contract: ContractEntity): Promise<ContractEntity> {
    return tx.manager.save(ContractEntity, contract);
  }

  /** Which of these contract ids the transaction can see. */
  async visibleIds(tx: Transaction, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await tx.manager.query<Array<{ id: string }>>(`SELECT id FROM contract WHERE id = ANY($1::uuid[])`, [
      [...ids],
    ]);
    return rows.map((row) => row.id);
  }

  /** A contract with its duty and its supplier's billing details, as one row (all three are this library's). */
  async billingRow(tx: Transaction, id: string): Promise<ContractBillingRow | null> {
    const [row] = await tx.manager.query<ContractBillingRow[]>(
      `SELECT c.id, c.reference, c.title, c.kind, c.status, c.duty_code AS "dutyCode", c.funding_model AS "fundingModel",
              c.contracting_organisation_id AS "contractingOrganisationId", c.supplier_id AS "supplierId",
              c.start_date AS "startDate", c.end_date AS "endDate", c.billing_frequency AS "billingFrequency",
              c.payment_term_days AS "paymentTermDays", c.reference_date_rule AS "referenceDateRule",
              c.vat_category AS "vatCategory", c.vat_rate::text AS "vatRate", c.vat_exemption_reason AS "vatExemptionReason",
              d.name AS "dutyName", d.legal_basis AS "dutyLegalBasis",
              p.legal_name AS "legalName", p.kvk_number AS "kvkNumber", p.vat_id AS "vatId", p.iban, p.street,
              p.postal_code AS "postalCode", p.city, p.country_code AS "countryCode", p.email, p.invoice_prefix AS "invoicePrefix"
         FROM contract c
         JOIN duty d ON d.code = c.duty_code
         JOIN provider p ON p.organisation_id = c.supplier_id
        WHERE c.id = $1`,
      [id],
    );
    return row ?? null;
  }

  /** Seeding: whether a contract with this reference exists. */
  existsByReference(tx: Transaction, reference: string): Promise<boolean> {
    return tx.manager.existsBy(ContractEntity, { reference });
  }

  /** The contracts with these references that the transaction can see, with their contracting party. */
  byReferences(
    tx: Transaction,
    references: readonly string[],
  ): Promise<Array<{ id: string; reference: string; contractingOrganisationId: string }>> {
    return tx.manager.query(
      `SELECT id, reference, contracting_organisation_id AS "contractingOrganisationId"
         FROM contract WHERE reference = ANY($1::varchar[])`,
      [references],
    );
  }

  /**
   * The municipalities that take part on `day` in an active contract of this contracting party
   * (in its term): not a draft, not a future or ended participation.
   */
  /** Per contract, how many municipalities take part on `day` (contracts with none are left out). */
  async participantCounts(tx: Transaction, contractIds: readonly string[], day: IsoDate): Promise<Map<string, number>> {
    if (contractIds.length === 0) return new Map();
    const rows = await tx.manager.query<Array<{ id: string; n: number }>>(
      `SELECT p.contract_id AS id, count(DISTINCT p.municipality_code)::int AS n FROM participation p
        WHERE p.contract_id = ANY($1::uuid[]) AND p.from_date <= $2::date AND (p.to_date IS NULL OR p.to_date >= $2::date)
        GROUP BY p.contract_id`,
      [contractIds, day],
    );
    return new Map(rows.map((row) => [row.id, row.n]));
  }

  async participantCodesOf(tx: Transaction, contractingOrganisationId: string, day: IsoDate): Promise<string[]> {
    const rows = await tx.manager.query<Array<{ code: string }>>(
      `SELECT DISTINCT p.municipality_code AS code
         FROM participation p JOIN contract c ON c.id = p.contract_id
        WHERE c.contracting_organisation_id = $1 AND c.status = 'ACTIVE'
          AND c.start_date <= $2::date AND (c.end_date IS NULL OR c.end_date >= $2::date)
          AND p.from_date <= $2::date AND (p.to_date IS NULL OR p.to_date >= $2::date)`,
      [contractingOrganisationId, day],
    );
    return rows.map((row) => row.code);
  }
}
