import { Injectable } from '@nestjs/common';
import { BillingContract, ContractsReader } from '@wmo/contracts';
import {
  Cents,
  chargeCalculation,
  dutchDate,
  IsoDate,
  ParticipantCharge,
  participantCharge,
  sumCents,
  TariffPeriod,
  TerritorialChange,
} from '@wmo/domain';
import { ReferenceDataReader } from '@wmo/reference-data';
import type { Transaction } from '@wmo/tenancy';
import type { ChargedLine } from './invoice-line.rules';
import { approximationExplanation } from './invoicing.rules';
import { BillableParticipant, billableParticipants } from './participation.rules';

/** A line of one participant's charge: always for that municipality. */
export interface ComputedLine extends ChargedLine {
  municipalityCode: string;
}

export interface ComputedParticipant {
  code: string;
  name: string;
  inhabitants: number;
  lines: ComputedLine[];
  subtotalCents: Cents;
}

export interface CalculationContext {
  contractId: string;
  /** "Luisterend oor (Wmo 2015 art. 2.2.4 lid 1 onder b)": how the lines name what is charged. */
  dutyName: string;
  period: { from: IsoDate; to: IsoDate };
  referenceDate: IsoDate;
  tariffs: TariffPeriod[];
  changes: TerritorialChange[];
  /** The names, by code, of every municipality a reorganisation concerns: an approximation note names them. */
  names: ReadonlyMap<string, string>;
}

/** Participants counted per read when only their number is asked. */
const COUNT_BATCH = 5000;

/**
 * The lines of one participant's charge: one per segment (tariff and calendar year), naming the
 * duty, the days and the municipality, with the calculation that gives the amount.
 */
export function chargedLines(
  participant: { code: string; name: string },
  charge: ParticipantCharge,
  context: Pick<CalculationContext, 'dutyName' | 'referenceDate' | 'names'>,
): ComputedLine[] {
  const { territory } = charge;
  const approximation = territory.approximate ? approximationExplanation(territory.causes, context.names) : null;
  return charge.segments.map((segment) => ({
    municipalityCode: participant.code,
    description: `${context.dutyName} ${dutchDate(segment.from)} t/m ${dutchDate(segment.to)}: ${participant.name} (${participant.code})`,
    calculation:
      chargeCalculation(territory.inhabitants, segment, `(CBS, peildatum ${dutchDate(context.referenceDate)})`) +
      (approximation ? ' (benadering, zie toelichting)' : ''),
    inhabitants: territory.inhabitants,
    perInhabitant: segment.perInhabitant,
    periodStart: segment.from,
    periodEnd: segment.to,
    days: segment.days,
    daysInYear: segment.daysInYear,
    amountCents: segment.amountCents,
    approximationNote: approximation,
  }));
}

/**
 * Turns a contract's participants into billable lines, a batch at a time (never all participants
 * in memory): DOMAIN.md rules 1-4 applied through the pure functions of libs/domain. Participants
 * come from contracts, names, existence and CBS figures from the reference data; a batch costs
 * three reads however large it is.
 */
@Injectable()
export class InvoiceCalculator {
  constructor(
    private readonly contracts: ContractsReader,
    private readonly referenceData: ReferenceDataReader,
  ) {}

  /** What a run (or its dry run) computes with: the duty, the tariffs, every territorial change and the names it concerns. */
  async context(
    tx: Transaction,
    contract: BillingContract,
    period: { from: IsoDate; to: IsoDate },
    referenceDate: IsoDate,
  ): Promise<CalculationContext> {
    const changes = await this.referenceData.territorialChanges(tx);
    const concerned = await this.referenceData.municipalities(tx, [
      ...new Set(changes.flatMap((change) => [change.oldCode, change.newCode])),
    ]);
    return {
      contractId: contract.id,
      dutyName: `${contract.duty.name} (${contract.duty.legalBasis})`,
      period,
      referenceDate,
      tariffs: contract.tariffs,
      changes,
      names: new Map(concerned.map((municipality) => [municipality.code, municipality.name])),
    };
  }

  /** Participants with at least one day in the billed period whose municipality existed in it. */
  async participantCount(tx: Transaction, context: CalculationContext): Promise<number> {
    let count = 0;
    let after = '';
    for (;;) {
      const { participants, last } = await this.billable(tx, context, after, COUNT_BATCH);
      if (last === null) return count;
      count += participants.length;
      after = last;
    }
  }

  /**
   * The next `size` participants after `afterCode`, in code order, with their lines, and the code
   * of the last participant read (null when none was left): the next batch starts after it, also
   * when none of this batch had a day to charge.
   */
  async batch(
    tx: Transaction,
    context: CalculationContext,
    afterCode: string,
    size: number,
  ): Promise<{ participants: ComputedParticipant[]; last: string | null }> {
    const { participants: billable, last } = await this.billable(tx, context, afterCode, size);
    if (billable.length === 0) return { participants: [], last };
    const figures = await this.figuresFor(
      tx,
      context,
      billable.map((p) => p.code),
    );
    const participants: ComputedParticipant[] = [];
    for (const participant of billable) {
      const charge = participantCharge({
        code: participant.code,
        billed: context.period,
        participations: participant.stretches,
        tariffs: context.tariffs,
        referenceDate: context.referenceDate,
        figures,
        changes: context.changes,
      });
      if (!charge) continue;
      if (charge.figuresMissing)
        throw new Error(
          `No CBS figure on ${context.referenceDate} for ${[participant.code, ...charge.territory.missingFigures].join(', ')}`,
        );
      const lines = chargedLines(participant, charge, context);
      participants.push({
        code: participant.code,
        name: participant.name,
        inhabitants: charge.territory.inhabitants,
        lines,
        subtotalCents: sumCents(lines.map((line) => line.amountCents)),
      });
    }
    return { participants, last };
  }

  /** Every participant, a batch at a time (for a dry run and a central invoice, in one transaction). */
  async *batches(tx: Transaction, context: CalculationContext, size: number): AsyncGenerator<ComputedParticipant[]> {
    let after = '';
    for (;;) {
      const { participants, last } = await this.batch(tx, context, after, size);
      if (last === null) return;
      yield participants;
      after = last;
    }
  }

  /** The next participants after `afterCode` that the run counts and bills, clipped to their municipality's existence. */
  private async billable(
    tx: Transaction,
    context: CalculationContext,
    afterCode: string,
    size: number,
  ): Promise<{ participants: BillableParticipant[]; last: string | null }> {
    const read = await this.contracts.participantsInPeriod(tx, context.contractId, context.period, afterCode, size);
    if (read.length === 0) return { participants: [], last: null };
    const municipalities = await this.referenceData.municipalities(
      tx,
      read.map((p) => p.code),
    );
    return {
      participants: billableParticipants(read, new Map(municipalities.map((m) => [m.code, m])), context.period),
      last: read[read.length - 1].code,
    };
  }

  /** CBS figures on the reference date for the batch and everything that merged into it. */
  private async figuresFor(
    tx: Transaction,
    context: CalculationContext,
    codes: string[],
  ): Promise<Map<string, number>> {
    const needed = new Set(codes);
    let frontier = [...codes];
    while (frontier.length) {
      const next = context.changes
        .filter((c) => frontier.includes(c.newCode) && !needed.has(c.oldCode))
        .map((c) => c.oldCode);
      next.forEach((code) => needed.add(code));
      frontier = next;
    }
    const figures = await this.referenceData.populationFigures(tx, [context.referenceDate], [...needed]);
    return new Map(figures.map((figure) => [figure.code, figure.inhabitants]));
  }
}
