import { Injectable, Logger } from '@nestjs/common';
import { IsoDate } from '@wmo/domain';
import { OrganisationDirectory } from '@wmo/identity';
import { InvoicingReader } from '@wmo/invoicing';
import type { QueueDefinition } from '@wmo/jobs';
import { EventPublisher } from '@wmo/notifications';
import { PlatformTransaction, UnscopedDatabase } from '@wmo/tenancy';
import { CoverageSnapshots } from '../coverage-snapshot';
import { judgeAll, Judgement } from '../judgement.rules';
import { EvaluationRepository } from './evaluation.repository';
import {
  invoiceOverdueEvent,
  obligationChangedEvent,
  obligationNotifications,
  overdueNotifications,
  Recipients,
  stateKey,
  worthTelling,
} from './evaluation.rules';

export const EVALUATION_QUEUE = 'compliance-evaluation';

export interface EvaluationJob {
  day: IsoDate;
}

export function evaluationQueue(): QueueDefinition {
  return { name: EVALUATION_QUEUE, retryLimit: 5, retryDelay: 60, retryBackoff: true, expireInSeconds: 900 };
}

export interface EvaluationResult {
  day: IsoDate;
  /** False when the day had been evaluated already (and this was not forced). */
  evaluated: boolean;
  obligations: number;
  changes: number;
  notifications: number;
  webhookDeliveries: number;
}

/**
 * The daily evaluation: every municipality's duties on the day, compared with what the previous
 * evaluation found. A change notifies the municipality and the VNG (coverage ending within 90
 * days, becoming non-compliant, compliant again) and sends obligation.changed; invoices past
 * their due date notify both parties once and send invoice.overdue. Once per day, whichever
 * worker gets there first; an operator may run it again. One platform transaction: what it
 * stores, notifies and queues commits together or not at all.
 */
@Injectable()
export class ComplianceEvaluator {
  private readonly logger = new Logger('ComplianceEvaluation');

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly evaluations: EvaluationRepository,
    private readonly snapshots: CoverageSnapshots,
    private readonly organisations: OrganisationDirectory,
    private readonly invoicing: InvoicingReader,
    private readonly publisher: EventPublisher,
  ) {}

  evaluate(day: IsoDate, force: boolean): Promise<EvaluationResult> {
    return this.unscoped.unscopedSystemTransaction(async (tx) => {
      await this.evaluations.lock(tx);
      if (!(await this.evaluations.claim(tx, day, force)))
        return { day, evaluated: false, obligations: 0, changes: 0, notifications: 0, webhookDeliveries: 0 };

      // The statuses alone: no cost is computed (nor CBS figures read), the evaluation tells none.
      const snapshot = await this.snapshots.load(tx, null);
      const judgements = judgeAll(snapshot, { duties: snapshot.duties, period: { from: day, to: day }, asOf: day });
      const states = new Map(
        (await this.evaluations.states(tx)).map((row) => [stateKey(row.dutyCode, row.municipalityCode), row.status]),
      );
      const previousOf = (j: Judgement) => states.get(stateKey(j.duty.code, j.municipality.code)) ?? null;
      const changed = judgements.filter((j) => previousOf(j) !== j.evaluation.status);
      await this.evaluations.saveStates(
        tx,
        day,
        judgements.map((j) => ({
          municipalityCode: j.municipality.code,
          dutyCode: j.duty.code,
          status: j.evaluation.status,
        })),
      );
      const told = changed.filter((j) => worthTelling(previousOf(j), j.evaluation.status));
      const recipients = await this.recipients(
        tx,
        told.map((j) => j.municipality.code),
      );
      const obligationNotes = told.flatMap((j) => obligationNotifications(j, previousOf(j), day, recipients));
      const obligationEvents = told.map((j) => obligationChangedEvent(j, previousOf(j), day, recipients));

      const overdue = await this.invoicing.overdueInvoices(tx, day);
      const notified = await this.publisher.notify(tx, [...obligationNotes, ...overdue.flatMap(overdueNotifications)]);
      // An invoice.overdue event only for an invoice whose notification is new: once per invoice.
      const newlyOverdue = new Set(notified.filter((n) => n.kind === 'INVOICE_OVERDUE').map((n) => n.subjectId));
      const overdueEvents = overdue.filter((invoice) => newlyOverdue.has(invoice.id)).map(invoiceOverdueEvent);
      const webhookDeliveries = await this.publisher.publish(tx, [...obligationEvents, ...overdueEvents]);
      await this.evaluations.finish(tx, day, changed.length);
      const counts = {
        obligations: judgements.length,
        changes: changed.length,
        notifications: notified.length,
        webhookDeliveries,
      };
      this.logger.log({ day, ...counts }, 'Compliance evaluated');
      return { day, evaluated: true, ...counts };
    });
  }

  /** Each municipality's own organisation, and the associations (the VNG) that buy collectively. */
  private async recipients(tx: PlatformTransaction, codes: string[]): Promise<Recipients> {
    const municipalities = await this.organisations.municipalityOrganisations(tx, codes);
    const associations = await this.organisations.associations(tx);
    return {
      municipalities: new Map(
        municipalities.flatMap((m) => (m.municipalityCode === null ? [] : [[m.municipalityCode, m.id] as const])),
      ),
      associations: associations.map((a) => a.id),
    };
  }
}
