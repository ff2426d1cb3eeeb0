import { Injectable } from '@nestjs/common';
import { IsoDate, ObligationStatus } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';

export interface ObligationStateRow {
  municipalityCode: string;
  dutyCode: string;
  status: ObligationStatus;
}

/**
 * The compliance library's own tables: `compliance_evaluation` (one row per evaluated day) and
 * `obligation_state` (each duty's status as the last evaluation found it). Their row-level
 * security admits the platform alone: the daily evaluation reads and writes them.
 */
@Injectable()
export class EvaluationRepository {
  /** Serialises evaluations until the transaction ends: two workers never judge the same day side by side. */
  async lock(tx: Transaction): Promise<void> {
    await tx.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('compliance-evaluation', 0))`);
  }

  /**
   * Claims the day for this evaluation: false when it was evaluated already, unless `force`
   * (an operator's run), which starts it over.
   */
  async claim(tx: Transaction, day: IsoDate, force: boolean): Promise<boolean> {
    const claimed = await tx.manager.query<Array<{ day: IsoDate }>>(
      `INSERT INTO compliance_evaluation (day, started_at) VALUES ($1, now())
       ON CONFLICT (day) DO ${force ? 'UPDATE SET started_at = now(), finished_at = NULL' : 'NOTHING'} RETURNING day`,
      [day],
    );
    return claimed.length > 0;
  }

  async finish(tx: Transaction, day: IsoDate, changes: number): Promise<void> {
    await tx.manager.query(`UPDATE compliance_evaluation SET finished_at = now(), changes = $2 WHERE day = $1`, [
      day,
      changes,
    ]);
  }

  states(tx: Transaction): Promise<ObligationStateRow[]> {
    return tx.manager.query<ObligationStateRow[]>(
      `SELECT municipality_code AS "municipalityCode", duty_code AS "dutyCode", status FROM obligation_state`,
    );
  }

  /** Stores the statuses found on `day`; `since` moves only for a status that changed. */
  async saveStates(tx: Transaction, day: IsoDate, states: readonly ObligationStateRow[]): Promise<void> {
    await tx.manager.query(
      `INSERT INTO obligation_state (municipality_code, duty_code, status, since, evaluated_on)
       SELECT code, duty, status, $1::date, $1::date FROM unnest($2::varchar[], $3::varchar[], $4::varchar[]) AS t(code, duty, status)
       ON CONFLICT (municipality_code, duty_code) DO UPDATE
         SET status = EXCLUDED.status, evaluated_on = EXCLUDED.evaluated_on,
             since = CASE WHEN obligation_state.status = EXCLUDED.status THEN obligation_state.since ELSE EXCLUDED.since END, updated_at = now()`,
      [day, states.map((s) => s.municipalityCode), states.map((s) => s.dutyCode), states.map((s) => s.status)],
    );
  }
}
