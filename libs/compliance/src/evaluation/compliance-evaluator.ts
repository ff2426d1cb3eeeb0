import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { dutchDate, formatEuroCents, IsoDate } from '@wmo/domain';
import { overdueInvoices } from '@wmo/invoicing';
import type { QueueDefinition } from '@wmo/jobs';
import { EventDraft, EventPublisher, NotificationDraft } from '@wmo/notifications';
import { UnscopedDatabase } from '@wmo/tenancy';
import { ObligationStatus } from '@wmo/domain';
import { judgeAll, Judgement } from '../compliance.service';

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

interface StateRow {
  municipality_code: string;
  duty_code: string;
  status: ObligationStatus;
}

/**
 * The daily evaluation: every municipality's duties on the day, compared with what the previous
 * evaluation found. A change notifies the municipality and the VNG (coverage ending within 90
 * days, becoming non-compliant, compliant again) and sends obligation.changed; invoices past
 * their due date notify both parties once and send invoice.overdue. Once per day, whichever
 * worker gets there first; an operator may run it again.
 */
@Injectable()
export class ComplianceEvaluator {
  private readonly logger = new Logger('ComplianceEvaluation');

  constructor(
    private readonly unscoped: UnscopedDatabase,
    private readonly publisher: EventPublisher,
  ) {}

  evaluate(day: IsoDate, force: boolean): Promise<EvaluationResult> {
    return this.unscoped.unscopedSystemTransaction(async ({ manager }) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('compliance-evaluation', 0))`);
      const [claimed] = await manager.query<unknown[]>(
        `INSERT INTO compliance_evaluation (day, started_at) VALUES ($1, now())
         ON CONFLICT (day) DO ${force ? 'UPDATE SET started_at = now(), finished_at = NULL' : 'NOTHING'} RETURNING day`,
        [day],
      );
      if (!claimed)
        return { day, evaluated: false, obligations: 0, changes: 0, notifications: 0, webhookDeliveries: 0 };

      const judgements = await judgeAll(manager, { codes: null, period: { from: day, to: day }, asOf: day });
      const states = new Map(
        (await manager.query<StateRow[]>(`SELECT municipality_code, duty_code, status FROM obligation_state`)).map(
          (row) => [`${row.duty_code}:${row.municipality_code}`, row.status],
        ),
      );
      const changed = judgements.filter(
        (j) => states.get(`${j.duty.code}:${j.municipality.code}`) !== j.judged.dto.status,
      );
      await manager.query(
        `INSERT INTO obligation_state (municipality_code, duty_code, status, since, evaluated_on)
         SELECT code, duty, status, $1::date, $1::date FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS t(code, duty, status)
         ON CONFLICT (municipality_code, duty_code) DO UPDATE
           SET status = EXCLUDED.status, evaluated_on = EXCLUDED.evaluated_on,
               since = CASE WHEN obligation_state.status = EXCLUDED.status THEN obligation_state.since ELSE EXCLUDED.since END, updated_at = now()`,
        [
          day,
          judgements.map((j) => j.municipality.code),
          judgements.map((j) => j.duty.code),
          judgements.map((j) => j.judged.dto.status),
        ],
      );
      // A first evaluation that finds a duty met has nothing to say.
      const worthTelling = changed.filter(
        (j) => states.has(`${j.duty.code}:${j.municipality.code}`) || j.judged.dto.status !== 'COMPLIANT',
      );
      const recipients = await this.recipients(
        manager,
        worthTelling.map((j) => j.municipality.code),
      );
      const obligationNotes = worthTelling.flatMap((j) =>
        obligationNotifications(j, states.get(`${j.duty.code}:${j.municipality.code}`) ?? null, day, recipients),
      );
      const obligationEvents: EventDraft[] = worthTelling.map((j) => ({
        event: 'obligation.changed',
        organisationIds: [recipients.municipalities.get(j.municipality.code), ...recipients.associations].filter(
          (id): id is string => !!id,
        ),
        data: {
          municipalityCode: j.municipality.code,
          municipalityName: j.municipality.name,
          dutyCode: j.duty.code,
          previousStatus: states.get(`${j.duty.code}:${j.municipality.code}`) ?? null,
          status: j.judged.dto.status,
          since: day,
          coveredUntil: j.judged.dto.coveredUntil,
          uncoveredFrom: j.judged.dto.uncoveredFrom,
          explanation: j.judged.dto.explanation,
        },
      }));

      const overdue = await overdueInvoices(manager, day);
      const overdueNotes: NotificationDraft[] = overdue.flatMap((invoice) => {
        const base = {
          kind: 'INVOICE_OVERDUE' as const,
          municipalityCode: invoice.municipalityCode,
          subjectType: 'invoice',
          subjectId: invoice.id,
          title: `Factuur ${invoice.number} is vervallen`,
          message: `Factuur ${invoice.number} van ${invoice.supplierName} aan ${invoice.customerName} had uiterlijk op ${dutchDate(invoice.dueDate)} betaald moeten zijn; er staat EUR ${formatEuroCents(invoice.outstandingCents)} open.`,
          data: {
            invoiceId: invoice.id,
            number: invoice.number,
            dueDate: invoice.dueDate,
            totalCents: invoice.totalCents,
            outstandingCents: invoice.outstandingCents,
          },
          dedupeKey: `invoice-overdue:${invoice.id}`,
        };
        return [
          { ...base, organisationId: invoice.customerOrganisationId, roles: ['FINANCE'] },
          { ...base, organisationId: invoice.supplierId, roles: ['FINANCE', 'PROVIDER_ADMIN'] },
        ];
      });

      const notified = await this.publisher.notify(manager, [...obligationNotes, ...overdueNotes]);
      const newlyOverdue = new Set(notified.filter((n) => n.kind === 'INVOICE_OVERDUE').map((n) => n.subjectId));
      const overdueEvents: EventDraft[] = overdue
        .filter((invoice) => newlyOverdue.has(invoice.id))
        .map((invoice) => ({
          event: 'invoice.overdue',
          organisationIds: [invoice.customerOrganisationId, invoice.supplierId],
          data: {
            id: invoice.id,
            number: invoice.number,
            municipalityCode: invoice.municipalityCode,
            dueDate: invoice.dueDate,
            totalCents: invoice.totalCents,
            outstandingCents: invoice.outstandingCents,
            currency: 'EUR',
          },
        }));
      const webhookDeliveries = await this.publisher.publish(manager, [...obligationEvents, ...overdueEvents]);
      await manager.query(`UPDATE compliance_evaluation SET finished_at = now(), changes = $2 WHERE day = $1`, [
        day,
        changed.length,
      ]);
      this.logger.log(
        {
          day,
          obligations: judgements.length,
          changes: changed.length,
          notifications: notified.length,
          webhookDeliveries,
        },
        'Compliance evaluated',
      );
      return {
        day,
        evaluated: true,
        obligations: judgements.length,
        changes: changed.length,
        notifications: notified.length,
        webhookDeliveries,
      };
    });
  }

  /** Each municipality's own organisation, and the associations (the VNG) that buy collectively. */
  private async recipients(
    manager: EntityManager,
    codes: string[],
  ): Promise<{ municipalities: Map<string, string>; associations: string[] }> {
    const municipalities = await manager.query<Array<{ id: string; code: string }>>(
      `SELECT id, municipality_code AS code FROM organisation WHERE municipality_code = ANY($1)`,
      [codes],
    );
    const associations = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM organisation WHERE kind = 'ASSOCIATION'`,
    );
    return {
      municipalities: new Map(municipalities.map((m) => [m.code, m.id])),
      associations: associations.map((a) => a.id),
    };
  }
}

function obligationNotifications(
  { municipality, duty, judged }: Judgement,
  previous: ObligationStatus | null,
  day: IsoDate,
  recipients: { municipalities: Map<string, string>; associations: string[] },
): NotificationDraft[] {
  const { dto } = judged;
  const contracts = [...new Set(dto.coverage.map((c) => c.contract.reference))].join(', ') || 'geen contract';
  const content =
    dto.status === 'AT_RISK'
      ? {
          kind: 'COVERAGE_ENDING' as const,
          title: `Dekking ${duty.name.toLowerCase()} voor ${municipality.name} eindigt op ${dutchDate(dto.coveredUntil!)}`,
          message: `De dekking door ${contracts} eindigt op ${dutchDate(dto.coveredUntil!)} en er is geen opvolgend contract: vanaf ${dutchDate(dto.uncoveredFrom!)} voldoet ${municipality.name} niet meer aan ${duty.legalBasis}.`,
        }
      : dto.status === 'NON_COMPLIANT'
        ? {
            kind: 'NON_COMPLIANT' as const,
            title: `${municipality.name} voldoet niet aan ${duty.legalBasis}`,
            message: dto.explanation,
          }
        : {
            kind: 'COMPLIANT_AGAIN' as const,
            title: `${municipality.name} voldoet weer aan ${duty.legalBasis}`,
            message: dto.explanation,
          };
  const base = {
    ...content,
    municipalityCode: municipality.code,
    subjectType: 'obligation',
    subjectId: duty.code,
    data: {
      dutyCode: duty.code,
      previousStatus: previous,
      status: dto.status,
      since: day,
      coveredUntil: dto.coveredUntil,
      uncoveredFrom: dto.uncoveredFrom,
    },
    dedupeKey: `obligation:${municipality.code}:${duty.code}:${dto.status}:${day}`,
  };
  const own = recipients.municipalities.get(municipality.code);
  return [
    ...(own ? [{ ...base, organisationId: own, roles: [] }] : []),
    ...recipients.associations.map((organisationId) => ({
      ...base,
      organisationId,
      roles: ['CONTRACT_MANAGER' as const],
    })),
  ];
}
