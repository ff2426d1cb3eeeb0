import { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE =
  'import_municipal_reorganisation(date, character varying[], character varying[], character varying[], character varying[], ' +
  'character varying[], character varying[], character varying[], numeric[], integer[], text[], text[])';

/**
 * Municipalities and their reorganisations are reference data: the application role may only read
 * them. The operator's reorganisation import through the API writes them through this one function,
 * which runs as the schema owner (SECURITY DEFINER) and refuses anyone but an operator's
 * transaction. On the reorganisation's date it starts the new municipalities, ends the old ones on
 * the day before, and records the steps between them; what is already so is left alone (the same
 * file twice changes nothing), and the prepared municipality documents are refreshed when anything
 * changed. It takes the reference-data import lock, as the population import does. Also: a
 * notification kind for the roll-over a reorganisation offers to a contract's manager.
 */
export class ReorganisationImportFunction1796313000000 implements MigrationInterface {
  name = 'ReorganisationImportFunction1796313000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION import_municipal_reorganisation(
        p_date date,
        p_new_codes character varying[], p_new_names character varying[], p_new_provinces character varying[],
        p_ended character varying[],
        p_old character varying[], p_new character varying[], p_relations character varying[],
        p_shares numeric[], p_moved integer[], p_evidence text[], p_notes text[])
      RETURNS integer
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      DECLARE
        v_changed integer := 0;
        v_count integer;
      BEGIN
        IF NOT app_is_operator() THEN
          RAISE EXCEPTION 'only the platform operator imports municipal reorganisations' USING ERRCODE = 'insufficient_privilege';
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('population-import', 7));
        INSERT INTO municipality (code, name, province_code, valid_from, valid_to)
        SELECT t.code, t.name, t.province, p_date, NULL
          FROM unnest(p_new_codes, p_new_names, p_new_provinces) AS t(code, name, province)
        ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, province_code = EXCLUDED.province_code
         WHERE municipality.valid_from = p_date
           AND (municipality.name, municipality.province_code) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.province_code);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        v_changed := v_changed + v_count;
        UPDATE municipality SET valid_to = p_date - 1
         WHERE code = ANY (p_ended) AND valid_to IS DISTINCT FROM p_date - 1;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        v_changed := v_changed + v_count;
        INSERT INTO municipal_change (effective_date, old_code, new_code, relation, share, addresses_moved, evidence, notes)
        SELECT p_date, t.old_code, t.new_code, t.relation, t.share, t.moved, t.evidence, t.notes
          FROM unnest(p_old, p_new, p_relations, p_shares, p_moved, p_evidence, p_notes)
               AS t(old_code, new_code, relation, share, moved, evidence, notes)
        ON CONFLICT (effective_date, old_code, new_code) DO UPDATE
           SET relation = EXCLUDED.relation, share = EXCLUDED.share, addresses_moved = EXCLUDED.addresses_moved,
               evidence = EXCLUDED.evidence, notes = EXCLUDED.notes
         WHERE (municipal_change.relation, municipal_change.share, municipal_change.addresses_moved,
                municipal_change.evidence, municipal_change.notes)
               IS DISTINCT FROM (EXCLUDED.relation, EXCLUDED.share, EXCLUDED.addresses_moved, EXCLUDED.evidence, EXCLUDED.notes);
        GET DIAGNOSTICS v_count = ROW_COUNT;
        v_changed := v_changed + v_count;
        IF v_changed > 0 THEN
          REFRESH MATERIALIZED VIEW municipality_detail;
        END IF;
        RETURN v_changed;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ${SIGNATURE} FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ${SIGNATURE} TO wmo_application`);
    await queryRunner.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await queryRunner.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('COVERAGE_ENDING', 'NON_COMPLIANT', 'COMPLIANT_AGAIN', 'INVOICE_OVERDUE', 'ROLL_OVER_OFFERED'))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind`);
    await queryRunner.query(
      `ALTER TABLE notification ADD CONSTRAINT notification_kind CHECK (kind IN ('COVERAGE_ENDING', 'NON_COMPLIANT', 'COMPLIANT_AGAIN', 'INVOICE_OVERDUE'))`,
    );
    await queryRunner.query(`DROP FUNCTION ${SIGNATURE}`);
  }
}
