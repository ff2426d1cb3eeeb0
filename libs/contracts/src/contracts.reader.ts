import { Injectable } from '@nestjs/common';
import { IsoDate, Period, TariffPeriod, todayInAmsterdam } from '@wmo/domain';
import type { PlatformTransaction, TenantTransaction, Transaction } from '@wmo/tenancy';
import { ContractBillingRow, ContractRepository } from './contract.repository';
import type { ContractTerms, InvoicingTerms, SupplierBillingDetails } from './contract.types';
import type { ChannelKind } from './contracts.constants';
import { contractNotFound } from './contracts.errors';
import { DutyRepository } from './duty.repository';
import { ParticipationRepository } from './participation.repository';
import { TariffRepository } from './tariff.repository';

/** A contract as invoicing needs it: its terms, its duty, its tariffs and its supplier's billing details. */
export interface BillingContract extends ContractTerms, InvoicingTerms {
  duty: { code: string; name: string; legalBasis: string };
  /** Earliest first; `perInhabitant` is EUR per inhabitant per year as numeric text ("0.2500"). */
  tariffs: TariffPeriod[];
  supplier: SupplierBillingDetails;
}

export type { SupplierBillingDetails };

/** One municipality's participations in a contract that overlap a period: raw stretches, not clipped to anything. */
export interface ParticipantStretches {
  code: string;
  /** By start; `to` null is open-ended. */
  stretches: Period[];
}

/** A legal duty with the channels that count toward it. */
export interface DutyInfo {
  code: string;
  name: string;
  legalBasis: string;
  inForceFrom: IsoDate;
  countingChannels: ChannelKind[];
  continuousAvailability: boolean;
}

/**
 * What other libraries (invoicing above all) read of contracts. Every method runs in the
 * transaction it is given, so row-level security is that transaction's: a tenant transaction sees
 * the caller's contracts, a platform transaction (a job, or `unscopedWithin`) all of them.
 */
@Injectable()
export class ContractsReader {
  constructor(
    private readonly contracts: ContractRepository,
    private readonly tariffs: TariffRepository,
    private readonly participations: ParticipationRepository,
    private readonly dutyRows: DutyRepository,
  ) {}

  /**
   * A contract the caller can see, with what invoicing needs. A contract the caller cannot see
   * (or that does not exist) is the 404 `ContractsError` CONTRACT_NOT_FOUND ("There is no contract
   * {id} that you can see."), exactly as GET /contracts/{id} answers.
   */
  async billingContract(tx: TenantTransaction, id: string): Promise<BillingContract> {
    const contract = await this.read(tx, id);
    if (!contract) throw contractNotFound(id);
    return contract;
  }

  /**
   * The same for a job working as the platform (an invoice run). A missing contract is a plain
   * `Error` (the run fails with its message), not an API error.
   */
  async billingContractAsPlatform(tx: PlatformTransaction, id: string): Promise<BillingContract> {
    const contract = await this.read(tx, id);
    if (!contract) throw new Error(`There is no contract ${id}`);
    return contract;
  }

  /**
   * The contract's participations overlapping the period (both ends inclusive), grouped per
   * municipality: the next `limit` municipalities with a code after `afterCode` ('' for the first
   * batch), in code order. An empty answer means none is left; the next batch starts after the
   * last code answered. The stretches are as stored: clip them to the period and to the
   * municipality's existence (reference data) yourself.
   */
  async participantsInPeriod(
    tx: Transaction,
    contractId: string,
    period: { from: IsoDate; to: IsoDate },
    afterCode: string,
    limit: number,
  ): Promise<ParticipantStretches[]> {
    const rows = await this.participations.overlappingBatch(tx, contractId, period, afterCode, limit);
    return rows.map((row) => ({
      code: row.code,
      stretches: row.froms.map((from, i) => ({ from, to: row.tos[i] })),
    }));
  }

  /** How many municipalities have a participation overlapping the period (each counted once; not clipped to their existence). */
  participantCount(tx: Transaction, contractId: string, period: { from: IsoDate; to: IsoDate }): Promise<number> {
    return this.participations.countOverlapping(tx, contractId, period);
  }

  /** Which of these contract ids the transaction can see (in no particular order); the rest do not exist for the caller. */
  visibleContractIds(tx: Transaction, ids: readonly string[]): Promise<string[]> {
    return this.contracts.visibleIds(tx, [...new Set(ids)]);
  }

  /** The contracts with these references that the transaction can see: reference to id and contracting party. */
  async contractsByReference(
    tx: Transaction,
    references: readonly string[],
  ): Promise<Map<string, { id: string; contractingOrganisationId: string }>> {
    const rows = await this.contracts.byReferences(tx, [...new Set(references)]);
    return new Map(rows.map(({ reference, ...contract }) => [reference, contract]));
  }

  /** The municipalities that take part today in an active contract of this contracting party (the VNG's members). */
  async participantCodesOf(tx: Transaction, contractingOrganisationId: string): Promise<Set<string>> {
    return new Set(await this.contracts.participantCodesOf(tx, contractingOrganisationId, todayInAmsterdam()));
  }

  /** Every duty, by name (the Wmo listening ear first); duties are visible to everyone. */
  async duties(tx: Transaction): Promise<DutyInfo[]> {
    return (await this.dutyRows.allByName(tx)).map((d) => ({
      code: d.code,
      name: d.name,
      legalBasis: d.legalBasis,
      inForceFrom: d.inForceFrom,
      countingChannels: d.countingChannels,
      continuousAvailability: d.continuousAvailability,
    }));
  }

  private async read(tx: Transaction, id: string): Promise<BillingContract | null> {
    const row = await this.contracts.billingRow(tx, id);
    if (!row) return null;
    const tariffs = await this.tariffs.forContract(tx, id);
    return toBillingContract(
      row,
      tariffs.map((t) => ({ from: t.validFrom, to: t.validTo, perInhabitant: t.perInhabitant })),
    );
  }
}

function toBillingContract(row: ContractBillingRow, tariffs: TariffPeriod[]): BillingContract {
  const {
    dutyName,
    dutyLegalBasis,
    legalName,
    kvkNumber,
    vatId,
    iban,
    street,
    postalCode,
    city,
    countryCode,
    email,
    ...rest
  } = row;
  const { invoicePrefix, ...terms } = rest;
  return {
    ...terms,
    duty: { code: row.dutyCode, name: dutyName, legalBasis: dutyLegalBasis },
    tariffs,
    supplier: {
      organisationId: row.supplierId,
      ...{ legalName, kvkNumber, vatId, iban, street, postalCode, city, countryCode, email, invoicePrefix },
    },
  };
}
