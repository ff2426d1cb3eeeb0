import { Injectable } from '@nestjs/common';
import type { ReferenceDatabase, Transaction } from '@wmo/tenancy';

/**
 * The query that defines the `municipality_detail` materialised view (its entity is
 * MunicipalityDetailView): the whole document of `GET /municipalities/{code}` per municipality.
 * Kept byte for byte as the migration created it: TypeORM compares it with the database.
 */
export const MUNICIPALITY_DETAIL_QUERY = `
    SELECT m.code,
           json_build_object(
             'code', m.code, 'name', m.name, 'provinceCode', m.province_code, 'provinceName', p.name,
             'validFrom', m.valid_from, 'validTo', m.valid_to,
             'population', latest.inhabitants, 'populationReferenceDate', latest.reference_date,
             'populationHistory', COALESCE((
                SELECT json_agg(json_build_object('referenceDate', f.reference_date, 'inhabitants', f.inhabitants) ORDER BY f.reference_date)
                  FROM population_figure f WHERE f.municipality_code = m.code), '[]'),
             'predecessors', COALESCE((
                SELECT json_agg(json_build_object('code', c.old_code, 'name', o.name, 'effectiveDate', c.effective_date,
                                                  'relation', c.relation, 'share', c.share, 'notes', c.notes)
                                ORDER BY c.effective_date, c.old_code)
                  FROM municipal_change c JOIN municipality o ON o.code = c.old_code WHERE c.new_code = m.code), '[]'),
             'successors', COALESCE((
                SELECT json_agg(json_build_object('code', c.new_code, 'name', n.name, 'effectiveDate', c.effective_date,
                                                  'relation', c.relation, 'share', c.share, 'notes', c.notes)
                                ORDER BY c.effective_date, c.new_code)
                  FROM municipal_change c JOIN municipality n ON n.code = c.new_code WHERE c.old_code = m.code), '[]')
           )::text AS body
      FROM municipality m
      JOIN province p ON p.code = m.province_code
      LEFT JOIN LATERAL (
        SELECT inhabitants, reference_date FROM population_figure
         WHERE municipality_code = m.code ORDER BY reference_date DESC LIMIT 1) latest ON true`;

@Injectable()
export class MunicipalityDetailRepository {
  /**
   * The serialised document of one municipality, null when the code is unknown. One round trip: a
   * named prepared statement on the pool, planned once per connection (this read is benchmarked).
   */
  async document(db: Pick<ReferenceDatabase, 'prepared'>, code: string): Promise<string | null> {
    const [row] = await db.prepared<{ body: string }>(
      'municipality-detail',
      `SELECT body FROM municipality_detail WHERE code = $1`,
      [code],
    );
    return row?.body ?? null;
  }

  /** Rebuilds the documents; call inside the transaction that changed the reference data. */
  async refresh(tx: Transaction): Promise<void> {
    await tx.manager.query(`REFRESH MATERIALIZED VIEW municipality_detail`);
  }
}
