import { createHash } from 'node:crypto';
import { Cents, dutchDate, formatEuroCents, IsoDate, sumCents } from '@wmo/domain';
import type { EventDraft, NotificationDraft } from '@wmo/notifications';
import type { BillingImpactDto, BillingImpactItemDto } from '@wmo/reference-data';
import type { BillingDifference } from './billing-differences.rules';

/** A contract's issued period that a change reaches into, with the differences computed there now. */
export interface ReachedPeriod {
  contract: { id: string; reference: string };
  period: { from: IsoDate; to: IsoDate };
  items: readonly BillingDifference[];
}

/** The parties a difference is told to: the supplier's finance, the contracting party's managers. */
export interface ImpactParties {
  id: string;
  reference: string;
  kind: string;
  supplierId: string;
  contractingOrganisationId: string;
}

/** How many municipalities a notification names before "en N andere". */
const NAMED = 5;

/**
 * The impact of a change: in the periods it reaches, the municipalities (of those given) whose
 * due now differs from what was billed, with the documents concerned.
 */
export function billingImpact(reached: readonly ReachedPeriod[]): Omit<BillingImpactDto, 'notified'> {
  const items: BillingImpactItemDto[] = reached.flatMap(({ contract, period, items }) =>
    items
      .filter((item) => item.differenceCents !== 0)
      .map((item) => ({
        contractId: contract.id,
        contractReference: contract.reference,
        periodStart: period.from,
        periodEnd: period.to,
        municipalityCode: item.municipalityCode,
        name: item.name,
        billedCents: item.billedCents,
        dueCents: item.dueCents,
        differenceCents: item.differenceCents,
        documents: item.documents.map(({ id, number, type }) => ({ id, number, type })),
        reasons: item.reasons,
      })),
  );
  const documents = [...new Map(items.flatMap((item) => item.documents).map((d) => [d.id, d])).values()].sort((a, b) =>
    a.number < b.number ? -1 : a.number > b.number ? 1 : 0,
  );
  return { differenceCents: sumCents(items.map((item) => item.differenceCents as Cents)), documents, items };
}

/**
 * One notification per party of a contract whose items differ: the supplier's FINANCE and the
 * contracting party's managers (CONTRACT_MANAGER of the VNG; ORG_ADMIN too where a municipality
 * contracts for itself). Deduplicated on the differences themselves: the same state is told once.
 */
export function impactNotices(
  contract: ImpactParties,
  items: readonly BillingImpactItemDto[],
  cause: string,
): NotificationDraft[] {
  const own = itemsOf(contract, items);
  if (own.length === 0) return [];
  const total = totalOf(own);
  const named = own
    .slice(0, NAMED)
    .map(
      (item) =>
        `${item.name} (${item.municipalityCode}), ${dutchDate(item.periodStart)} t/m ${dutchDate(item.periodEnd)}: EUR ${formatEuroCents(item.differenceCents)} (${item.reasons.join('; ')})`,
    );
  const rest = own.length - named.length;
  const periods = [...new Set(own.map((item) => `${item.periodStart}|${item.periodEnd}`))].map((key) => {
    const [start, end] = key.split('|');
    return `GET /api/v1/contracts/${contract.id}/billing-differences?periodStart=${start}&periodEnd=${end}`;
  });
  const fingerprint = createHash('sha256')
    .update(own.map((i) => `${i.periodStart}:${i.periodEnd}:${i.municipalityCode}:${i.differenceCents}`).join('|'))
    .digest('hex')
    .slice(0, 32);
  const notice = (organisationId: string, roles: NotificationDraft['roles']): NotificationDraft => ({
    organisationId,
    roles,
    kind: 'BILLING_DIFFERENCE',
    municipalityCode: own.length === 1 ? own[0].municipalityCode : null,
    subjectType: 'contract',
    subjectId: contract.id,
    title: `Factuurverschil in ${contract.reference}: EUR ${formatEuroCents(total)}`,
    message:
      `Na ${cause} wijkt wat verschuldigd is af van wat al gefactureerd is: ${named.join('; ')}` +
      `${rest > 0 ? `; en ${rest === 1 ? '1 andere gemeente' : `${rest} andere gemeenten`}` : ''}. ` +
      'Bekijk de verschillen bij het contract en start zo nodig een correctierun.',
    data: {
      contractId: contract.id,
      differenceCents: total,
      municipalities: own.length,
      link: `/contracten/${contract.id}/verschillen`,
      differences: periods,
    },
    dedupeKey: `billing-difference:${contract.id}:${fingerprint}`,
  });
  const managers: NotificationDraft['roles'] =
    contract.kind === 'COLLECTIVE' ? ['CONTRACT_MANAGER'] : ['CONTRACT_MANAGER', 'ORG_ADMIN'];
  return [notice(contract.supplierId, ['FINANCE']), notice(contract.contractingOrganisationId, managers)];
}

/** The `billing.difference` webhook event of a contract's items, to the supplier and the contracting party. */
export function impactEvent(
  contract: ImpactParties,
  items: readonly BillingImpactItemDto[],
  cause: string,
): EventDraft {
  const own = itemsOf(contract, items);
  return {
    event: 'billing.difference',
    organisationIds: [contract.supplierId, contract.contractingOrganisationId],
    data: {
      contractId: contract.id,
      contractReference: contract.reference,
      cause,
      differenceCents: totalOf(own),
      items: own,
    },
  };
}

const itemsOf = (contract: { id: string }, items: readonly BillingImpactItemDto[]) =>
  items.filter((item) => item.contractId === contract.id);
const totalOf = (items: readonly BillingImpactItemDto[]) =>
  sumCents(items.map((item) => item.differenceCents as Cents));
