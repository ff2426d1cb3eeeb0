import { Injectable } from '@nestjs/common';
import { containsPattern, orderBy, RequestValidationError } from '@wmo/common';
import { addDays, dutchDate, firstOfJanuary, todayInAmsterdam } from '@wmo/domain';
import { BillingImpactAssessor, ReferenceDataReader } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entities';
import { ContractExceptionRepository } from './contract-exception.repository';
import { ContractLoader } from './contract-loader';
import { ContractsError, ContractsErrorCode, doubleCoverage } from './contracts.errors';
import { partiesOf } from './contracts.mapper';
import { assertOpenForParticipants } from './contracts.rules';
import { CoverageGuard } from './coverage-guard';
import {
  AddParticipantDto,
  EndedParticipantDto,
  EnrolmentResultDto,
  ListParticipantsQuery,
  ParticipantDto,
  ParticipantListDto,
} from './dto/participants.dto';
import {
  decideEnrolment,
  enrolmentRefusal,
  participationToEnd,
  skipReason,
  yearEnrolmentStart,
} from './enrolment.rules';
import {
  NewParticipation,
  PARTICIPANT_PAGE_COLUMNS,
  PARTICIPANT_PAGE_TIE_BREAKER,
  ParticipationRepository,
} from './participation.repository';

/** The municipalities taking part in a contract: listing, enrolling one or all of a year, ending a participation. */
@Injectable()
export class ParticipantsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly participations: ParticipationRepository,
    private readonly exceptions: ContractExceptionRepository,
    private readonly loader: ContractLoader,
    private readonly coverage: CoverageGuard,
    private readonly referenceData: ReferenceDataReader,
    private readonly billing: BillingImpactAssessor,
  ) {}

  /** One page of the participations with the status on the day (today unless asked), searched and sorted. */
  list(contractId: string, query: ListParticipantsQuery): Promise<ParticipantListDto> {
    const date = query.date ?? todayInAmsterdam();
    return this.db.transaction(async (tx) => {
      await this.loader.find(tx, contractId);
      const { rows, total } = await this.participations.page(tx, contractId, {
        status: query.status,
        date,
        pattern: containsPattern(query.q),
        order: orderBy(query.sort, PARTICIPANT_PAGE_COLUMNS, PARTICIPANT_PAGE_TIE_BREAKER),
        offset: (query.page - 1) * query.limit,
        limit: query.limit,
      });
      const items = rows.map(({ code, name, from, to, origin }) => ({ code, name, from, to, origin }));
      return { items, total, page: query.page, limit: query.limit, date, status: query.status };
    });
  }

  /** One municipality (`code`, `from`, `to`), or `all` municipalities existing in `year` that are not excepted. */
  add(contractId: string, dto: AddParticipantDto): Promise<EnrolmentResultDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, contractId);
      assertOpenForParticipants(contract);
      if (dto.all) {
        if (dto.code !== undefined)
          throw new RequestValidationError([{ field: 'code', message: 'give either code or all, not both' }]);
        if (dto.year === undefined)
          throw new RequestValidationError([{ field: 'year', message: 'year is required with all' }]);
        return this.enrolAll(tx, contract, dto.year);
      }
      if (dto.code === undefined)
        throw new RequestValidationError([{ field: 'code', message: 'code (or all with year) is required' }]);
      if (dto.from === undefined) throw new RequestValidationError([{ field: 'from', message: 'from is required' }]);
      if (dto.year !== undefined) throw new RequestValidationError([{ field: 'year', message: 'year goes with all' }]);
      const municipality = await this.referenceData.municipality(tx, dto.code);
      if (!municipality)
        throw new ContractsError(ContractsErrorCode.MunicipalityNotFound, `There is no municipality ${dto.code}.`);
      const requested = { from: dto.from, to: dto.to ?? null };
      if (requested.to !== null && requested.to < requested.from)
        throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
      const decision = decideEnrolment({
        municipality,
        term: { from: contract.startDate, to: contract.endDate },
        requested,
        exceptions: await this.exceptions.forMunicipality(tx, contractId, dto.code),
        participations: await this.participations.forMunicipality(tx, contractId, dto.code),
      });
      if (!decision.enrolled) throw enrolmentRefusal(decision, { municipality, contract, requested });
      const candidate = { code: decision.code, from: decision.from, to: decision.to };
      await this.coverage.lock(tx, contract.dutyCode, [dto.code]);
      if (contract.status === 'ACTIVE') {
        const [conflict] = await this.coverage.unscopedConflicts(tx, contract.dutyCode, [candidate], contract.id);
        if (conflict) throw doubleCoverage(dto.code, conflict.contractReference, conflict.contractId);
      }
      const enrolled = await this.enrol(tx, contract, [candidate], 'ENROLMENT');
      const billingImpact = await this.billing.ofContractChange(tx, {
        contractId,
        from: candidate.from,
        codes: [candidate.code],
        cause: `deelname van ${municipality.name} vanaf ${dutchDate(candidate.from)}`,
      });
      return { enrolled, skipped: [], billingImpact };
    });
  }

  /** Ends a municipality's current participation on `endDate` (inclusive); an issued period it reaches into is assessed. */
  end(contractId: string, code: string, endDate: string): Promise<EndedParticipantDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.loader.findManaged(tx, contractId);
      const current = participationToEnd(await this.participations.forMunicipality(tx, contractId, code), endDate, {
        code,
        reference: contract.reference,
      });
      const before = { from: current.fromDate, to: current.toDate };
      await this.participations.setEnd(tx, current.id, endDate);
      await tx.audit({
        action: 'contract.participant-ended',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        before: { code, ...before },
        after: { code, from: current.fromDate, to: endDate },
      });
      const name = (await this.referenceData.municipality(tx, code))?.name ?? code;
      const billingImpact = await this.billing.ofContractChange(tx, {
        contractId,
        from: addDays(endDate, 1),
        codes: [code],
        cause: `deelname van ${name} beëindigd per ${dutchDate(endDate)}`,
      });
      return { code, name, from: current.fromDate, to: endDate, origin: current.origin, billingImpact };
    });
  }

  /**
   * Inserts participations (one statement) and answers them as the API lists them; audited as
   * `contract.participants-added` unless the caller audits the step as a whole.
   */
  async enrol(
    tx: TenantTransaction,
    contract: ContractEntity,
    candidates: NewParticipation[],
    origin: string,
    audit = true,
  ): Promise<ParticipantDto[]> {
    if (candidates.length === 0) return [];
    await this.participations.insertMany(tx, partiesOf(contract), candidates, origin);
    const names = await this.names(
      tx,
      candidates.map((c) => c.code),
    );
    const enrolled = candidates.map((c) => ({
      code: c.code,
      name: names.get(c.code) ?? c.code,
      from: c.from,
      to: c.to,
      origin,
    }));
    if (audit) {
      await tx.audit({
        action: 'contract.participants-added',
        entityType: 'contract',
        entityId: contract.id,
        organisationId: contract.contractingOrganisationId,
        after: { participants: enrolled },
      });
    }
    return enrolled;
  }

  /** Every municipality existing on 1 January of the year, by the same enrolment rule as one; the rest is reported as skipped. */
  private async enrolAll(tx: TenantTransaction, contract: ContractEntity, year: number): Promise<EnrolmentResultDto> {
    const from = yearEnrolmentStart(contract, year);
    const municipalities = await this.referenceData.municipalitiesExistingOn(tx, firstOfJanuary(year));
    const participations = await this.participations.forContract(tx, contract.id);
    const exceptions = await this.exceptions.forContract(tx, contract.id);
    const skipped: EnrolmentResultDto['skipped'] = [];
    const candidates: NewParticipation[] = [];
    const requested = { from, to: null };
    for (const municipality of municipalities) {
      const decision = decideEnrolment({
        municipality,
        term: { from: contract.startDate, to: contract.endDate },
        requested,
        exceptions,
        participations,
      });
      if (decision.enrolled) candidates.push({ code: decision.code, from: decision.from, to: decision.to });
      else skipped.push({ code: decision.code, reason: skipReason(decision, requested) });
    }
    await this.coverage.lock(
      tx,
      contract.dutyCode,
      candidates.map((c) => c.code),
    );
    const conflicts =
      contract.status === 'ACTIVE'
        ? await this.coverage.unscopedConflicts(tx, contract.dutyCode, candidates, contract.id)
        : [];
    for (const conflict of conflicts)
      skipped.push({ code: conflict.code, reason: `covered by contract ${conflict.contractReference}` });
    const enrolled = await this.enrol(
      tx,
      contract,
      candidates.filter((c) => !conflicts.some((x) => x.code === c.code)),
      'ENROLMENT',
    );
    const billingImpact = enrolled.length
      ? await this.billing.ofContractChange(tx, {
          contractId: contract.id,
          from,
          codes: enrolled.map((p) => p.code),
          cause: `${enrolled.length === 1 ? 'deelname van 1 gemeente' : `deelname van ${enrolled.length} gemeenten`} vanaf ${dutchDate(from)}`,
        })
      : null;
    return { enrolled, skipped: skipped.sort((a, b) => a.code.localeCompare(b.code)), billingImpact };
  }

  private async names(tx: TenantTransaction, codes: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(codes)];
    if (unique.length === 0) return new Map();
    return new Map((await this.referenceData.municipalities(tx, unique)).map((m) => [m.code, m.name]));
  }
}
