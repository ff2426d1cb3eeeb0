import type { CoverageContract, CoverageRange, DutyInfo } from '@wmo/contracts';
import { addDays, formatAmsterdam, fromAmsterdam, maxDate, minDate } from '@wmo/domain';
import type { MunicipalityInfo } from '@wmo/reference-data';
import type { CostDto, CoverageDto, DutyObligationDto, DutyRefDto, MunicipalityRefDto } from './dto/compliance.dto';
import type { Judgement } from './judgement.rules';
import type { DayPeriod } from './period.rules';

const FUNDING_ROUTES: Record<string, string> = {
  FUND_WITHHOLDING: 'Uitname uit het gemeentefonds (collectief via de VNG)',
  DIRECT_INVOICE: 'Factuur van de aanbieder aan de gemeente',
  CENTRAL_INVOICE: 'Factuur van de aanbieder aan de contractpartij (centraal)',
};

export const municipalityRef = (m: MunicipalityInfo): MunicipalityRefDto => ({
  code: m.code,
  name: m.name,
  provinceCode: m.provinceCode,
  provinceName: m.provinceName,
  validFrom: m.validFrom,
  validTo: m.validTo,
});

export const dutyRef = (duty: DutyInfo): DutyRefDto => ({
  code: duty.code,
  name: duty.name,
  legalBasis: duty.legalBasis,
  countingChannels: duty.countingChannels,
  continuousAvailability: duty.continuousAvailability,
});

/** The funding models of the contracts that covered the period, each once. */
export const fundingModels = (judgement: Judgement): string[] => [
  ...new Set(judgement.covering.map((c) => c.contract.fundingModel)),
];

/** One duty's answer: the verdict, the coverage with its evidence, the cost and the gaps. */
export function dutyObligationDto(judgement: Judgement, cost: CostDto): DutyObligationDto {
  const { duty, period, evaluation } = judgement;
  return {
    duty: dutyRef(duty),
    period,
    status: evaluation.status,
    explanation: judgement.explanation,
    coveredUntil: evaluation.coveredUntil,
    uncoveredFrom: evaluation.uncoveredFrom,
    coverage: judgement.covering.map(({ range, contract }) => coverageDto(range, contract, period)),
    fundingModels: fundingModels(judgement),
    cost,
    gaps: { days: evaluation.dayGaps, weekly: evaluation.weeklyGaps, dated: evaluation.datedGaps },
  };
}

/** A contract's coverage within the period, with the closures of its channels that fall in it. */
function coverageDto(range: CoverageRange, contract: CoverageContract, period: DayPeriod): CoverageDto {
  const start = fromAmsterdam(period.from, 0);
  const end = fromAmsterdam(addDays(period.to, 1), 0);
  return {
    from: maxDate(range.from, period.from),
    to: minDate(range.to ?? period.to, period.to),
    contract: {
      id: contract.id,
      reference: contract.reference,
      title: contract.title,
      kind: contract.kind,
      fundingModel: contract.fundingModel,
      fundingRoute: FUNDING_ROUTES[contract.fundingModel] ?? contract.fundingModel,
      contractingParty: contract.contractingName,
      providerId: contract.supplierId,
      providerName: contract.supplierName,
    },
    services: contract.services.map((service) => ({
      id: service.id,
      name: service.name,
      channels: service.channels.map((channel) => ({
        kind: channel.kind,
        contact: channel.contact,
        counts: channel.counts,
        schedule: channel.schedule.map(({ weekday, from, to }) => ({ weekday, from, to })),
        closures: channel.closureList
          .filter((c) => c.startsAt.getTime() < end && c.endsAt.getTime() > start)
          .map((c) => ({
            start: formatAmsterdam(c.startsAt.getTime()),
            end: formatAmsterdam(c.endsAt.getTime()),
            reason: c.reason,
          })),
      })),
    })),
  };
}
