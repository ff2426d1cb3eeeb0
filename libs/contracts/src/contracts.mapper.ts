import Decimal from 'decimal.js';
import { tariffDecimal } from '@wmo/domain';
import {
  ContractAmendmentEntity,
  ContractChild,
  ContractEntity,
  ContractExceptionEntity,
  TariffEntity,
} from './contract.entities';
import { displayStatus } from './contracts.rules';
import { AmendmentDto, ContractDto, TariffDto } from './dto/contracts.dto';
import { ExceptionDto } from './dto/participants.dto';

/** A contract with what its DTO shows besides its own columns. */
export interface LoadedContract {
  contract: ContractEntity;
  contractingName: string;
  supplierName: string;
  services: Array<{ id: string; name: string }>;
  tariffs: TariffEntity[];
}

export const toTariffDto = (tariff: Pick<TariffEntity, 'perInhabitant' | 'validFrom' | 'validTo'>): TariffDto => ({
  perInhabitant: tariffDecimal(tariff.perInhabitant),
  validFrom: tariff.validFrom,
  validTo: tariff.validTo,
});

export function toContractDto({
  contract,
  contractingName,
  supplierName,
  services,
  tariffs,
}: LoadedContract): ContractDto {
  return {
    id: contract.id,
    reference: contract.reference,
    title: contract.title,
    kind: contract.kind,
    status: displayStatus(contract),
    dutyCode: contract.dutyCode,
    fundingModel: contract.fundingModel,
    contractingOrganisation: { id: contract.contractingOrganisationId, name: contractingName },
    supplier: { id: contract.supplierId, name: supplierName },
    startDate: contract.startDate,
    endDate: contract.endDate,
    billingFrequency: contract.billingFrequency,
    paymentTermDays: contract.paymentTermDays,
    referenceDateRule: contract.referenceDateRule,
    vatCategory: contract.vatCategory,
    vatRate: new Decimal(contract.vatRate).toFixed(2),
    vatExemptionReason: contract.vatExemptionReason,
    services,
    tariffs: [...tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).map(toTariffDto),
    terminatedAt: contract.terminatedAt?.toISOString() ?? null,
    terminationReason: contract.terminationReason,
  };
}

/** The columns every child row of the contract carries (for row-level security and the composite key). */
export const partiesOf = (contract: ContractEntity): ContractChild => ({
  contractId: contract.id,
  contractingOrganisationId: contract.contractingOrganisationId,
  supplierId: contract.supplierId,
});

export function toAmendmentDto(amendment: ContractAmendmentEntity): AmendmentDto {
  return {
    id: amendment.id,
    number: amendment.number,
    effectiveDate: amendment.effectiveDate,
    reason: amendment.reason,
    changes: amendment.changes,
    createdAt: amendment.createdAt.toISOString(),
  };
}

export function toExceptionDto(exception: ContractExceptionEntity, name: string | undefined): ExceptionDto {
  return {
    id: exception.id,
    code: exception.municipalityCode,
    name: name ?? exception.municipalityCode,
    kind: exception.kind,
    reason: exception.reason,
    from: exception.fromDate,
    to: exception.toDate,
  };
}
