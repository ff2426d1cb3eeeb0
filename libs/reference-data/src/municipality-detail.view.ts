import { Index, ViewColumn, ViewEntity } from 'typeorm';
import { MUNICIPALITY_DETAIL_QUERY } from './municipality-detail.repository';

/**
 * The municipality document of `GET /municipalities/{code}`, built once per change of the
 * reference data (bundled load, population import) instead of on every request: the read is then
 * a primary-key lookup. Refreshed in the same transaction as the change, so it is never stale.
 */
@ViewEntity({
  name: 'municipality_detail',
  materialized: true,
  expression: MUNICIPALITY_DETAIL_QUERY,
})
@Index('municipality_detail_code_idx', ['code'], { unique: true })
export class MunicipalityDetailView {
  @ViewColumn()
  code: string;

  /** The serialised MunicipalityDetailDto. */
  @ViewColumn()
  body: string;
}
