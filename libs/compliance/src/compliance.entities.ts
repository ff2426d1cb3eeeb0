import { inList } from '@wmo/common';
import { Check, Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { OBLIGATION_STATUSES, ObligationStatus } from '@wmo/domain';

/**
 * The status of a municipality's duty as the last daily evaluation found it, so that the next
 * one can tell what changed (and notify). The API itself always computes the status afresh.
 */
@Entity({ name: 'obligation_state' })
@Check('obligation_state_status', `status IN (${inList(OBLIGATION_STATUSES)})`)
export class ObligationStateEntity {
  @PrimaryColumn({ name: 'municipality_code', type: 'varchar', length: 6 })
  municipalityCode: string;

  @PrimaryColumn({ name: 'duty_code', type: 'varchar', length: 50 })
  dutyCode: string;

  @Column({ name: 'status', type: 'varchar', length: 20 })
  status: ObligationStatus;

  /** The evaluation day on which this status was first found. */
  @Column({ name: 'since', type: 'date' })
  since: string;

  @Column({ name: 'evaluated_on', type: 'date' })
  evaluatedOn: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** One evaluation of all obligations per day, whichever worker gets there first. */
@Entity({ name: 'compliance_evaluation' })
export class ComplianceEvaluationEntity {
  @PrimaryColumn({ name: 'day', type: 'date' })
  day: string;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ name: 'changes', type: 'integer', nullable: true })
  changes: number | null;
}

export const COMPLIANCE_ENTITIES = [ObligationStateEntity, ComplianceEvaluationEntity];
