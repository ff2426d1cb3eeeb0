import { Index, ViewColumn, ViewEntity } from 'typeorm';

/**
 * The municipality document of `GET /municipalities/{code}`, built once per change of the
 * reference data (bundled load, population import) instead of on every request: the read is then
 * a primary-key lookup. Refreshed in the same transaction as the change, so it is never stale.
 */
@ViewEntity({
  name: 'municipality_detail',
  materialized: true,
  expression: `
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
         WHERE municipality_code = m.code ORDER BY reference_date DESC LIMIT 1) latest ON true`,
})
@Index('municipality_detail_code_idx', ['code'], { unique: true })
export class MunicipalityDetailView {
  @ViewColumn()
  code: string;

  /** The serialised MunicipalityDetailDto. */
  @ViewColumn()
  body: string;
}

/** Rebuilds the documents; call inside the transaction that changed the reference data. */
export const REFRESH_MUNICIPALITY_DETAIL = 'REFRESH MATERIALIZED VIEW municipality_detail';
