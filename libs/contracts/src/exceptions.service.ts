import { Injectable } from '@nestjs/common';
import { dutchDate } from '@wmo/domain';
import { BillingImpactAssessor, ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase } from '@wmo/tenancy';
import { ContractExceptionRepository } from './contract-exception.repository';
import { ContractLoader } from './contract-loader';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { partiesOf, toExceptionDto } from './contracts.mapper';
import { AddedExceptionDto, AddExceptionDto, ExceptionDto } from './dto/participants.dto';
import { assertExceptionsApply, exceptionPeriod } from './enrolment.rules';
import { ParticipationRepository } from './participation.repository';

/** Municipalities excepted from a collective contract (a G4 city with its own contract) or opted out. */
@Injectable()
export class ExceptionsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly exceptionRows: ContractExceptionRepository,
    private readonly participations: ParticipationRepository,
    private readonly loader: ContractLoader,
    private readonly referenceData: ReferenceDataReader,
    private readonly billing: BillingImpactAssessor,
  ) {}

  /** By municipality code. */
  exceptions(contractId: string): Promise<ExceptionDto[]> {
    return this.db.transaction(async (tx) => {
      await this.loader.find(tx, contractId);
      const rows = await this.exceptionRows.forContractByCode(tx, contractId);
      const codes = [...new Set(rows.map((row) => row.municipalityCode))];
      const names = codes.length ? await this.referenceData.municipalities(tx, codes) : [];
      return rows.map((row) => toExceptionDto(row, names.find((m) => m.code === row.municipalityCode)?.name));
    });
  }

  /** Excludes a municipality from a collective contract (e.g. a G4 city with its own contract), or records an opt-out. */
  addException(contractId: string, dto: AddExceptionDto): Promise<AddedExceptionDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, contractId);
      assertExceptionsApply(contract);
      const municipality = await this.referenceData.municipality(tx, dto.code);
      if (!municipality)
        throw new ContractsError(ContractsErrorCode.MunicipalityNotFound, `There is no municipality ${dto.code}.`);
      const period = exceptionPeriod(
        contract,
        dto,
        await this.participations.forMunicipality(tx, contractId, dto.code),
      );
      const exception = await this.exceptionRows.insert(tx, partiesOf(contract), {
        municipalityCode: dto.code,
        kind: dto.kind,
        reason: dto.reason,
        fromDate: period.from,
        toDate: period.to,
      });
      await tx.audit({
        action: 'contract.exception-added',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        after: toExceptionDto(exception, municipality.name),
      });
      const billingImpact = await this.billing.ofContractChange(tx, {
        contractId,
        from: period.from,
        codes: [dto.code],
        cause: `uitzondering voor ${municipality.name} vanaf ${dutchDate(period.from)}`,
      });
      return { ...toExceptionDto(exception, municipality.name), billingImpact };
    });
  }
}
