import { Injectable } from '@nestjs/common';
import { addDays, dutchDate, yearOf } from '@wmo/domain';
import { OrganisationDirectory } from '@wmo/identity';
import { EventPublisher, NotificationDraft } from '@wmo/notifications';
import { ReferenceDataReader, ReorganisationCheck, ReorganisationFiles, stepKey } from '@wmo/reference-data';
import { ScopedDatabase, TenantTransaction } from '@wmo/tenancy';
import { ReorganisationImportReportDto, RollOverPreviewDto } from './dto/reorganisation-import.dto';
import { ParticipationRepository } from './participation.repository';
import { RollOverService } from './roll-over.service';

/**
 * The operator's import of a municipal reorganisation (herindeling) for a coming or past date.
 * The file is checked against what is loaded, and the report shows what it does before anything
 * is written: the municipalities that start and end, the steps between them, the participations
 * that end with their municipality, and the roll-over each active contract would get. Applied, it
 * is written in the same transaction (the new municipalities get their organisation, so that they
 * appear everywhere from their date), audited, and the managers of the contracts concerned are
 * notified of the roll-over on offer, with a link. A dry run writes nothing; imports wait for one
 * another; the same file twice changes nothing the second time.
 */
@Injectable()
export class ReorganisationImportsService {
  constructor(
    private readonly db: ScopedDatabase,
    private readonly files: ReorganisationFiles,
    private readonly referenceData: ReferenceDataReader,
    private readonly participations: ParticipationRepository,
    private readonly rollOvers: RollOverService,
    private readonly organisations: OrganisationDirectory,
    private readonly publisher: EventPublisher,
  ) {}

  import(file: unknown, dryRun: boolean): Promise<ReorganisationImportReportDto> {
    return this.db.transaction(async (tx) => {
      const checked = await this.files.check(tx, file);
      const { effectiveDate: date, steps } = checked;
      const dayBefore = addDays(date, -1);
      const names = new Map(
        (await this.referenceData.municipalities(tx, [...new Set(steps.flatMap((s) => [s.oldCode, s.newCode]))])).map(
          (m) => [m.code, m.name],
        ),
      );
      for (const started of checked.started) names.set(started.code, started.name);
      const ending = await this.participations.lastingBeyond(
        tx,
        checked.ended.map((m) => m.code),
        dayBefore,
      );
      const previews = await this.rollOvers.preview(
        tx,
        steps.map(({ oldCode, newCode, relation, share, notes }) => ({
          effectiveDate: date,
          oldCode,
          newCode,
          relation,
          share,
          notes,
        })),
      );
      const rollOvers: RollOverPreviewDto[] = previews.map(({ contract, plan }) => ({
        contractId: contract.id,
        contractReference: contract.reference,
        continued: plan.continue,
        alreadyParticipating: plan.alreadyParticipating,
        conflicts: plan.conflicts.map(({ code, predecessors, reason }) => ({ code, predecessors, reason })),
      }));
      const report: ReorganisationImportReportDto = {
        applied: !dryRun,
        effectiveDate: date,
        rows: steps.length,
        unchanged: checked.loadedSteps.size,
        started: checked.started,
        ended: checked.ended.map((m) => ({ ...m, lastDay: dayBefore })),
        steps: steps.map((step) => ({
          line: step.line,
          oldCode: step.oldCode,
          oldName: names.get(step.oldCode) ?? step.oldCode,
          newCode: step.newCode,
          newName: names.get(step.newCode) ?? step.newCode,
          relation: step.relation,
          share: step.share,
          loaded: checked.loadedSteps.has(stepKey(step)),
        })),
        endingParticipations: ending.map((p) => ({
          contractId: p.contractId,
          contractReference: p.contractReference,
          municipalityCode: p.code,
          name: names.get(p.code) ?? p.code,
          from: p.from,
          to: p.to,
          endsOn: dayBefore,
        })),
        rollOvers,
        notified: 0,
      };
      if (dryRun) return report;
      const changed = await this.files.apply(tx, checked);
      await tx.unscopedWithin((platform) => this.organisations.ensureMunicipalities(platform, checked.started));
      report.notified = await this.notifyContractManagers(tx, checked, previews, names);
      await tx.audit({
        action: 'reorganisation-import.applied',
        entityType: 'municipal-change',
        after: {
          effectiveDate: date,
          steps: steps.length,
          changed,
          started: checked.started.map((m) => m.code),
          ended: checked.ended.map((m) => m.code),
        },
      });
      return report;
    });
  }

  /** One notification per contract with a roll-over to decide, to its contracting party's contract managers. */
  private async notifyContractManagers(
    tx: TenantTransaction,
    checked: ReorganisationCheck,
    previews: Awaited<ReturnType<RollOverService['preview']>>,
    names: ReadonlyMap<string, string>,
  ): Promise<number> {
    const year = yearOf(checked.effectiveDate);
    const successors = (codes: readonly string[]) =>
      codes.map((code) => `${names.get(code) ?? code} (${code})`).join(', ');
    const drafts: NotificationDraft[] = previews
      .filter(({ plan }) => plan.continue.length || plan.conflicts.length)
      .map(({ contract, plan }) => ({
        organisationId: contract.contractingOrganisationId,
        roles: ['CONTRACT_MANAGER'],
        kind: 'ROLL_OVER_OFFERED',
        municipalityCode: null,
        subjectType: 'contract',
        subjectId: contract.id,
        title: `Herindeling per ${dutchDate(checked.effectiveDate)}: deelname overnemen in ${contract.reference}`,
        message:
          `Per ${dutchDate(checked.effectiveDate)} ontstaan of groeien door een herindeling: ` +
          `${successors([...plan.continue, ...plan.conflicts].map((c) => c.code))}. ` +
          (plan.continue.length
            ? `Zij kunnen de deelname van hun voorgangers in ${contract.reference} overnemen: open het contract en kies "Herindeling overnemen" voor ${year}. `
            : '') +
          (plan.conflicts.length
            ? `Voor ${successors(plan.conflicts.map((c) => c.code))} is een besluit nodig: ${plan.conflicts.map((c) => c.reason).join('; ')}.`
            : ''),
        data: {
          effectiveDate: checked.effectiveDate,
          year,
          continued: plan.continue,
          conflicts: plan.conflicts.map(({ code, predecessors, reason }) => ({ code, predecessors, reason })),
          link: `/contracten/${contract.id}/herindeling`,
          rollOver: `POST /api/v1/contracts/${contract.id}/participants/roll-over?year=${year}`,
        },
        dedupeKey: `roll-over:${contract.id}:${checked.effectiveDate}`,
      }));
    return (await tx.unscopedWithin((platform) => this.publisher.notify(platform, drafts))).length;
  }
}
