import { MigrationInterface, QueryRunner } from 'typeorm';

export class MunicipalityDetailView1795437602705 implements MigrationInterface {
  name = 'MunicipalityDetailView1795437602705';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE MATERIALIZED VIEW "municipality_detail" AS 
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
         WHERE municipality_code = m.code ORDER BY reference_date DESC LIMIT 1) latest ON true`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (DEFAULT, $1, DEFAULT, $2, $3, $4)`,
      [
        'public',
        'MATERIALIZED_VIEW',
        'municipality_detail',
        "SELECT m.code,\n           json_build_object(\n             'code', m.code, 'name', m.name, 'provinceCode', m.province_code, 'provinceName', p.name,\n             'validFrom', m.valid_from, 'validTo', m.valid_to,\n             'population', latest.inhabitants, 'populationReferenceDate', latest.reference_date,\n             'populationHistory', COALESCE((\n                SELECT json_agg(json_build_object('referenceDate', f.reference_date, 'inhabitants', f.inhabitants) ORDER BY f.reference_date)\n                  FROM population_figure f WHERE f.municipality_code = m.code), '[]'),\n             'predecessors', COALESCE((\n                SELECT json_agg(json_build_object('code', c.old_code, 'name', o.name, 'effectiveDate', c.effective_date,\n                                                  'relation', c.relation, 'share', c.share, 'notes', c.notes)\n                                ORDER BY c.effective_date, c.old_code)\n                  FROM municipal_change c JOIN municipality o ON o.code = c.old_code WHERE c.new_code = m.code), '[]'),\n             'successors', COALESCE((\n                SELECT json_agg(json_build_object('code', c.new_code, 'name', n.name, 'effectiveDate', c.effective_date,\n                                                  'relation', c.relation, 'share', c.share, 'notes', c.notes)\n                                ORDER BY c.effective_date, c.new_code)\n                  FROM municipal_change c JOIN municipality n ON n.code = c.new_code WHERE c.old_code = m.code), '[]')\n           )::text AS body\n      FROM municipality m\n      JOIN province p ON p.code = m.province_code\n      LEFT JOIN LATERAL (\n        SELECT inhabitants, reference_date FROM population_figure\n         WHERE municipality_code = m.code ORDER BY reference_date DESC LIMIT 1) latest ON true",
      ],
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "municipality_detail_code_idx" ON "municipality_detail"  ("code") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."municipality_detail_code_idx"`);
    await queryRunner.query(`DELETE FROM "typeorm_metadata" WHERE "type" = $1 AND "name" = $2 AND "schema" = $3`, [
      'MATERIALIZED_VIEW',
      'municipality_detail',
      'public',
    ]);
    await queryRunner.query(`DROP MATERIALIZED VIEW "municipality_detail"`);
  }
}
