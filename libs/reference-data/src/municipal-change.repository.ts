import { Injectable } from '@nestjs/common';
import type { TerritorialChange } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import type { MunicipalChangeRecord } from './bundled-reference-data';
import type { CheckedReorganisation } from './reorganisation-file.rules';

/** Every reorganisation, shaped as the domain's TerritorialChange (share as an exact decimal string). */
export const TERRITORIAL_CHANGES_SQL = `
  SELECT effective_date AS "effectiveDate", old_code AS "oldCode", new_code AS "newCode", relation, share::text AS share, notes
    FROM municipal_change ORDER BY effective_date, old_code, new_code`;

@Injectable()
export class MunicipalChangeRepository {
  /** Every reorganisation step, by date and codes. */
  territorialChanges(tx: Transaction): Promise<TerritorialChange[]> {
    return tx.manager.query<TerritorialChange[]>(TERRITORIAL_CHANGES_SQL);
  }

  async upsert(tx: Transaction, changes: readonly MunicipalChangeRecord[]): Promise<void> {
    await tx.manager.query(
      `INSERT INTO municipal_change (effective_date, old_code, new_code, relation, share, addresses_moved, evidence, notes)
     SELECT * FROM unnest($1::date[], $2::varchar[], $3::varchar[], $4::varchar[], $5::numeric[], $6::integer[], $7::text[], $8::text[])
     ON CONFLICT (effective_date, old_code, new_code) DO UPDATE SET relation = EXCLUDED.relation, share = EXCLUDED.share,
       addresses_moved = EXCLUDED.addresses_moved, evidence = EXCLUDED.evidence, notes = EXCLUDED.notes`,
      [
        changes.map((c) => c.effectiveDate),
        changes.map((c) => c.oldCode),
        changes.map((c) => c.newCode),
        changes.map((c) => c.relation),
        changes.map((c) => c.share),
        changes.map((c) => c.addressesMoved),
        changes.map((c) => c.evidence),
        changes.map((c) => c.notes ?? null),
      ],
    );
  }

  /**
   * An operator's reorganisation import: written by the database function that alone may write
   * municipalities and their changes for the application role (it checks the operator; migration
   * ReorganisationImportFunction). How many rows it changed; none for a file applied before.
   */
  async importAsOperator(tx: Transaction, reorganisation: CheckedReorganisation): Promise<number> {
    const { started, ended, steps } = reorganisation;
    const [{ changed }] = await tx.manager.query<[{ changed: number }]>(
      `SELECT import_municipal_reorganisation($1::date, $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[],
         $6::varchar[], $7::varchar[], $8::varchar[], $9::numeric[], $10::int[], $11::text[], $12::text[]) AS changed`,
      [
        reorganisation.effectiveDate,
        started.map((m) => m.code),
        started.map((m) => m.name),
        started.map((m) => m.provinceCode),
        ended.map((m) => m.code),
        steps.map((step) => step.oldCode),
        steps.map((step) => step.newCode),
        steps.map((step) => step.relation),
        steps.map((step) => step.share),
        steps.map((step) => step.addressesMoved),
        steps.map((step) => step.evidence),
        steps.map((step) => step.notes),
      ],
    );
    return changed;
  }
}
