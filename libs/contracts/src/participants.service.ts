import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import {
  contains,
  firstOfJanuary,
  isValidOn,
  maxDate,
  periodContains,
  periodsOverlap,
  planRollOver,
  TerritorialChange,
  yearOf,
} from '@wmo/domain';
import { MunicipalityEntity, TERRITORIAL_CHANGES_SQL } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ContractEntity } from './contract.entity';
import { ContractExceptionEntity, ParticipationEntity } from './contract-children.entity';
import { ContractsError, ContractsErrorCode } from './contracts.errors';
import { displayStatus, doubleCoverage, minEnd, partiesOf, ContractsService } from './contracts.service';
import { CoverageRegistry } from './coverage';
import {
  AddExceptionDto,
  AddParticipantDto,
  EnrolmentResultDto,
  ExceptionDto,
  ParticipantDto,
  ParticipantListDto,
  RollOverResultDto,
} from './dto/contracts.dto';

interface Candidate {
  code: string;
  from: string;
  to: string | null;
}

@Injectable()
export class ParticipantsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly contracts: ContractsService,
    private readonly coverage: CoverageRegistry,
  ) {}

  list(contractId: string, date?: string): Promise<ParticipantListDto> {
    return this.db.transaction(async (tx) => {
      await this.contracts.find(tx, contractId);
      const qb = tx.manager
        .createQueryBuilder(ParticipationEntity, 'p')
        .innerJoin(MunicipalityEntity, 'm', 'm.code = p.municipality_code')
        .select([
          'p.municipality_code AS code',
          'm.name AS name',
          'p.from_date AS "from"',
          'p.to_date AS "to"',
          'p.origin AS origin',
        ])
        .where('p.contract_id = :contractId', { contractId });
      if (date) qb.andWhere('p.from_date <= :date AND (p.to_date IS NULL OR p.to_date >= :date)', { date });
      const items = await qb.orderBy('m.name').addOrderBy('p.from_date').getRawMany<ParticipantDto>();
      return { items, total: items.length };
    });
  }

  /** One municipality (`code`, `from`, `to`), or `all` municipalities existing in `year` that are not excepted. */
  add(contractId: string, dto: AddParticipantDto): Promise<EnrolmentResultDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.contracts.findManaged(tx, contractId);
      if (contract.status !== 'DRAFT' && contract.status !== 'ACTIVE') {
        throw new ContractsError(
          ContractsErrorCode.ContractNotActive,
          `Contract ${contract.reference} is ${displayStatus(contract)}; no participants can join.`,
        );
      }
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
      const municipality = await tx.manager.findOneBy(MunicipalityEntity, { code: dto.code });
      if (!municipality)
        throw new ContractsError(ContractsErrorCode.MunicipalityNotFound, `There is no municipality ${dto.code}.`);
      const candidate = { code: dto.code, from: dto.from, to: dto.to ?? null };
      if (candidate.to !== null && candidate.to < candidate.from)
        throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
      if (
        !periodContains(
          { from: contract.startDate, to: contract.endDate },
          { from: candidate.from, to: candidate.to ?? contract.endDate },
        )
      ) {
        throw new ContractsError(
          ContractsErrorCode.OutsideContractTerm,
          `Participation from ${candidate.from} to ${candidate.to ?? 'open-ended'} lies outside the contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'}.`,
        );
      }
      if (
        !isValidOn(municipality, candidate.from) ||
        (candidate.to !== null && !isValidOn(municipality, candidate.to))
      ) {
        throw new ContractsError(
          ContractsErrorCode.MunicipalityNotExisting,
          `${municipality.name} (${municipality.code}) did not exist for the whole period: it existed ${municipality.validFrom ? `from ${municipality.validFrom}` : 'from before 2014'} ${municipality.validTo ? `to ${municipality.validTo}` : 'until now'}.`,
        );
      }
      candidate.to = minEnd(candidate.to ?? contract.endDate, municipality.validTo);
      const exception = await this.exceptionDuring(tx, contract, candidate);
      if (exception) {
        throw new ContractsError(
          ContractsErrorCode.MunicipalityExcepted,
          `${dto.code} is excepted from contract ${contract.reference}: ${exception.reason}.`,
          {
            exception: {
              kind: exception.kind,
              reason: exception.reason,
              from: exception.fromDate,
              to: exception.toDate,
            },
          },
        );
      }
      const own = await tx.manager.findBy(ParticipationEntity, { contractId, municipalityCode: dto.code });
      const overlapping = own.find((p) => periodsOverlap({ from: p.fromDate, to: p.toDate }, candidate));
      if (overlapping) {
        throw new ContractsError(
          ContractsErrorCode.AlreadyParticipating,
          `${dto.code} already takes part in contract ${contract.reference} from ${overlapping.fromDate}.`,
        );
      }
      await this.coverage.lock(tx.manager, contract.dutyCode, [dto.code]);
      if (contract.status === 'ACTIVE') {
        const [conflict] = await this.coverage.unscopedConflicts(tx, contract.dutyCode, [candidate], contract.id);
        if (conflict) throw doubleCoverage(dto.code, conflict.contractReference, conflict.contractId);
      }
      const enrolled = await this.insert(tx, contract, [candidate], 'ENROLMENT');
      return { enrolled, skipped: [] };
    });
  }

  /** Ends a municipality's current participation on `endDate` (inclusive). */
  end(contractId: string, code: string, endDate: string): Promise<ParticipantDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.contracts.findManaged(tx, contractId);
      const participations = await tx.manager.find(ParticipationEntity, {
        where: { contractId, municipalityCode: code },
        order: { fromDate: 'DESC' },
      });
      const current = participations.find((p) => p.toDate === null || p.toDate >= endDate);
      if (!current)
        throw new ContractsError(
          ContractsErrorCode.ParticipationNotFound,
          `${code} does not take part in contract ${contract.reference} on or after ${endDate}.`,
        );
      if (endDate < current.fromDate)
        throw new RequestValidationError([
          { field: 'endDate', message: `endDate must not be before the participation started (${current.fromDate})` },
        ]);
      const before = { from: current.fromDate, to: current.toDate };
      await tx.manager.update(ParticipationEntity, { id: current.id }, { toDate: endDate });
      await tx.audit({
        action: 'contract.participant-ended',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        before: { code, ...before },
        after: { code, from: current.fromDate, to: endDate },
      });
      const [municipality] = await tx.manager.findBy(MunicipalityEntity, { code });
      return { code, name: municipality.name, from: current.fromDate, to: endDate, origin: current.origin };
    });
  }

  exceptions(contractId: string): Promise<ExceptionDto[]> {
    return this.db.transaction(async (tx) => {
      await this.contracts.find(tx, contractId);
      const rows = await tx.manager.find(ContractExceptionEntity, {
        where: { contractId },
        order: { municipalityCode: 'ASC' },
      });
      const names = await tx.manager.findBy(MunicipalityEntity, { code: In(rows.map((row) => row.municipalityCode)) });
      return rows.map((row) => toExceptionDto(row, names.find((m) => m.code === row.municipalityCode)?.name));
    });
  }

  /** Excludes a municipality from a collective contract (e.g. a G4 city with its own contract), or records an opt-out. */
  addException(contractId: string, dto: AddExceptionDto): Promise<ExceptionDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.contracts.findManaged(tx, contractId);
      if (contract.kind !== 'COLLECTIVE')
        throw new RequestValidationError([{ field: 'code', message: 'exceptions apply to collective contracts' }]);
      const municipality = await tx.manager.findOneBy(MunicipalityEntity, { code: dto.code });
      if (!municipality)
        throw new ContractsError(ContractsErrorCode.MunicipalityNotFound, `There is no municipality ${dto.code}.`);
      const period = { from: dto.from ?? contract.startDate, to: dto.to ?? null };
      if (period.to !== null && period.to < period.from)
        throw new RequestValidationError([{ field: 'to', message: 'to must not be before from' }]);
      const participating = (
        await tx.manager.findBy(ParticipationEntity, { contractId, municipalityCode: dto.code })
      ).find((p) => periodsOverlap({ from: p.fromDate, to: p.toDate }, period));
      if (participating) {
        throw new ContractsError(
          ContractsErrorCode.AlreadyParticipating,
          `${dto.code} takes part from ${participating.fromDate}; end its participation before excepting it.`,
        );
      }
      const exception = await tx.manager.save(
        ContractExceptionEntity,
        tx.manager.create(ContractExceptionEntity, {
          ...partiesOf(contract),
          municipalityCode: dto.code,
          kind: dto.kind,
          reason: dto.reason,
          fromDate: period.from,
          toDate: period.to,
        }),
      );
      await tx.audit({
        action: 'contract.exception-added',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        after: toExceptionDto(exception, municipality.name),
      });
      return toExceptionDto(exception, municipality.name);
    });
  }

  /**
   * After the reorganisations of `year`, the receiving municipalities continue their predecessors'
   * participation (DOMAIN.md: mergers on 1 January). Unambiguous cases are enrolled; the rest is
   * reported. One audited step, run by the contracting party.
   */
  rollOver(contractId: string, year: number): Promise<RollOverResultDto> {
    return this.db.transaction(async (tx) => {
      const contract = await this.contracts.findManaged(tx, contractId);
      if (contract.status !== 'ACTIVE')
        throw new ContractsError(
          ContractsErrorCode.ContractNotActive,
          `Roll-over applies to active contracts; ${contract.reference} is ${displayStatus(contract)}.`,
        );
      const changes = (await tx.manager.query<TerritorialChange[]>(TERRITORIAL_CHANGES_SQL)).filter(
        (change) => yearOf(change.effectiveDate) === year,
      );
      const codes = [...new Set(changes.flatMap((c) => [c.oldCode, c.newCode]))];
      await this.coverage.lock(tx.manager, contract.dutyCode, codes);
      const participations = await tx.manager.findBy(ParticipationEntity, { contractId });
      const exceptions = await tx.manager.findBy(ContractExceptionEntity, { contractId });
      const other = await this.coverage.unscopedConflicts(
        tx,
        contract.dutyCode,
        codes.map((code) => ({ code, from: firstOfJanuary(year - 1), to: `${year}-12-31` })),
        contract.id,
      );
      const plan = planRollOver({
        changes,
        participations: participations.map((p) => ({ code: p.municipalityCode, from: p.fromDate, to: p.toDate })),
        otherCoverage: other.map((c) => ({
          code: c.code,
          contractId: c.contractId,
          contractReference: c.contractReference,
          from: c.from,
          to: c.to,
        })),
        excepted: new Set(
          exceptions
            .filter((e) =>
              changes.some(
                (c) =>
                  c.newCode === e.municipalityCode && contains({ from: e.fromDate, to: e.toDate }, c.effectiveDate),
              ),
            )
            .map((e) => e.municipalityCode),
        ),
        contractEnd: contract.endDate,
      });
      const municipalities = await tx.manager.findBy(MunicipalityEntity, {
        code: In(plan.continue.map((c) => c.code)),
      });
      await this.insert(
        tx,
        contract,
        plan.continue.map((decision) => ({
          code: decision.code,
          from: maxDate(decision.from, contract.startDate),
          to: minEnd(contract.endDate, municipalities.find((m) => m.code === decision.code)?.validTo ?? null),
        })),
        'ROLL_OVER',
        false,
      );
      const result: RollOverResultDto = {
        year,
        continued: plan.continue,
        alreadyParticipating: plan.alreadyParticipating,
        conflicts: plan.conflicts,
      };
      await tx.audit({
        action: 'contract.rolled-over',
        entityType: 'contract',
        entityId: contractId,
        organisationId: contract.contractingOrganisationId,
        after: result,
      });
      return result;
    });
  }

  private async enrolAll(tx: TenantTransaction, contract: ContractEntity, year: number): Promise<EnrolmentResultDto> {
    const yearPeriod = { from: firstOfJanuary(year), to: `${year}-12-31` };
    if (!periodsOverlap({ from: contract.startDate, to: contract.endDate }, yearPeriod)) {
      throw new ContractsError(
        ContractsErrorCode.OutsideContractTerm,
        `The contract term ${contract.startDate} to ${contract.endDate ?? 'open-ended'} does not include ${year}.`,
      );
    }
    const from = maxDate(firstOfJanuary(year), contract.startDate);
    const municipalities = await tx.manager
      .createQueryBuilder(MunicipalityEntity, 'm')
      .where('(m.valid_from IS NULL OR m.valid_from <= :day) AND (m.valid_to IS NULL OR m.valid_to >= :day)', {
        day: firstOfJanuary(year),
      })
      .orderBy('m.code')
      .getMany();
    const participations = await tx.manager.findBy(ParticipationEntity, { contractId: contract.id });
    const exceptions = await tx.manager.findBy(ContractExceptionEntity, { contractId: contract.id });
    const skipped: EnrolmentResultDto['skipped'] = [];
    const candidates: Candidate[] = [];
    for (const municipality of municipalities) {
      const candidate = { code: municipality.code, from, to: minEnd(contract.endDate, municipality.validTo) };
      const exception = exceptions.find(
        (e) =>
          e.municipalityCode === municipality.code && periodsOverlap({ from: e.fromDate, to: e.toDate }, candidate),
      );
      if (exception) skipped.push({ code: municipality.code, reason: `excepted: ${exception.reason}` });
      else if (
        participations.some(
          (p) =>
            p.municipalityCode === municipality.code && periodsOverlap({ from: p.fromDate, to: p.toDate }, candidate),
        )
      ) {
        skipped.push({ code: municipality.code, reason: 'already takes part' });
      } else candidates.push(candidate);
    }
    await this.coverage.lock(
      tx.manager,
      contract.dutyCode,
      candidates.map((c) => c.code),
    );
    const conflicts =
      contract.status === 'ACTIVE'
        ? await this.coverage.unscopedConflicts(tx, contract.dutyCode, candidates, contract.id)
        : [];
    for (const conflict of conflicts)
      skipped.push({ code: conflict.code, reason: `covered by contract ${conflict.contractReference}` });
    const enrolled = await this.insert(
      tx,
      contract,
      candidates.filter((c) => !conflicts.some((x) => x.code === c.code)),
      'ENROLMENT',
    );
    return { enrolled, skipped: skipped.sort((a, b) => a.code.localeCompare(b.code)) };
  }

  private async insert(
    tx: TenantTransaction,
    contract: ContractEntity,
    candidates: Candidate[],
    origin: string,
    audit = true,
  ): Promise<ParticipantDto[]> {
    if (candidates.length === 0) return [];
    await tx.manager.query(
      `INSERT INTO participation (contract_id, contracting_organisation_id, supplier_id, municipality_code, from_date, to_date, origin)
       SELECT $1, $2, $3, code, from_date, to_date, $7 FROM unnest($4::varchar[], $5::date[], $6::date[]) AS t(code, from_date, to_date)`,
      [
        contract.id,
        contract.contractingOrganisationId,
        contract.supplierId,
        candidates.map((c) => c.code),
        candidates.map((c) => c.from),
        candidates.map((c) => c.to),
        origin,
      ],
    );
    const names = await tx.manager.findBy(MunicipalityEntity, { code: In(candidates.map((c) => c.code)) });
    const enrolled = candidates.map((c) => ({
      code: c.code,
      name: names.find((m) => m.code === c.code)?.name ?? c.code,
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

  private async exceptionDuring(
    tx: TenantTransaction,
    contract: ContractEntity,
    candidate: Candidate,
  ): Promise<ContractExceptionEntity | undefined> {
    const exceptions = await tx.manager.findBy(ContractExceptionEntity, {
      contractId: contract.id,
      municipalityCode: candidate.code,
    });
    return exceptions.find((e) => periodsOverlap({ from: e.fromDate, to: e.toDate }, candidate));
  }
}

function toExceptionDto(exception: ContractExceptionEntity, name: string | undefined): ExceptionDto {
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
