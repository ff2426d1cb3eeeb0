import { Injectable } from '@nestjs/common';
import type { TerritorialChange } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import type { MunicipalChangeRecord } from './bundled-reference-data';

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
}
