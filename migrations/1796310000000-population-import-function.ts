import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = 'import_population_figures(character varying[], integer[], integer[], character varying)';

/**
 * Population figures are reference data: the application role may only read them (see the table
 * catalogue). The operator's import through the API writes them through this one function, which
 * runs as the schema owner (SECURITY DEFINER) and refuses anyone but an operator's transaction. It
 * inserts new figures, updates changed ones, leaves equal ones alone, refreshes the prepared
 * municipality documents when anything changed, and holds the import lock, so that two imports at
 * the same moment run one after the other.
 */
export class PopulationImportFunction1796310000000 implements MigrationInterface {
  name = 'PopulationImportFunction1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION import_population_figures(
        p_codes character varying[], p_years integer[], p_inhabitants integer[], p_source character varying)
      RETURNS TABLE (inserted_count integer, updated_count integer)
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_inserted integer;
        v_updated integer;
      BEGIN
        IF NOT app_is_operator() THEN
          RAISE EXCEPTION 'only the platform operator imports population figures' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('population-import', 7));
        WITH written AS (
          INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
          SELECT t.code, make_date(t.year, 1, 1), t.inhabitants, p_source
            FROM unnest(p_codes, p_years, p_inhabitants) AS t(code, year, inhabitants)
          ON CONFLICT (municipality_code, reference_date) DO UPDATE
             SET inhabitants = EXCLUDED.inhabitants, source = EXCLUDED.source
           WHERE population_figure.inhabitants IS DISTINCT FROM EXCLUDED.inhabitants
          RETURNING (xmax = 0) AS is_new)
        SELECT count(*) FILTER (WHERE is_new)::integer, count(*) FILTER (WHERE NOT is_new)::integer
          INTO v_inserted, v_updated FROM written;
        IF v_inserted + v_updated > 0 THEN
          REFRESH MATERIALIZED VIEW municipality_detail;
        END IF;
        RETURN QUERY SELECT v_inserted, v_updated;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO wmo_application`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
