import { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceData1795436849872 implements MigrationInterface {
  name = 'ReferenceData1795436849872';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "province" ("code" character varying(4) NOT NULL, "code_number" smallint NOT NULL, "name" character varying(100) NOT NULL, "alt_name" character varying(100), CONSTRAINT "PK_3288dfa18d390ed33b359fc0418" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "municipality" ("code" character varying(6) NOT NULL, "name" character varying(100) NOT NULL, "province_code" character varying(4) NOT NULL, "valid_from" date, "valid_to" date, CONSTRAINT "municipality_code_format" CHECK (code ~ '^GM[0-9]{4}$'), CONSTRAINT "municipality_validity" CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from), CONSTRAINT "PK_f01eb47e7b81481ca5a146a786d" PRIMARY KEY ("code"))`,
    );
    await queryRunner.query(`CREATE INDEX "municipality_province_code_idx" ON "municipality"  ("province_code") `);
    await queryRunner.query(
      `CREATE TABLE "municipal_change" ("effective_date" date NOT NULL, "old_code" character varying(6) NOT NULL, "new_code" character varying(6) NOT NULL, "relation" character varying(32) NOT NULL, "share" numeric(5,4), "addresses_moved" integer, "evidence" text NOT NULL, "notes" text, CONSTRAINT "municipal_change_share_range" CHECK (share IS NULL OR (share >= 0 AND share <= 1)), CONSTRAINT "municipal_change_relation" CHECK (relation IN ('MERGED_INTO_NEW', 'ABSORBED_BY_EXISTING', 'SPLIT_PART', 'RENAMED_NEW_CODE', 'BOUNDARY_CORRECTION_PART', 'MINOR_BOUNDARY_REMNANT')), CONSTRAINT "municipal_change_pk" PRIMARY KEY ("effective_date", "old_code", "new_code"))`,
    );
    await queryRunner.query(`CREATE INDEX "municipal_change_old_code_idx" ON "municipal_change"  ("old_code") `);
    await queryRunner.query(`CREATE INDEX "municipal_change_new_code_idx" ON "municipal_change"  ("new_code") `);
    await queryRunner.query(
      `CREATE TABLE "population_figure" ("municipality_code" character varying(6) NOT NULL, "reference_date" date NOT NULL, "inhabitants" integer NOT NULL, "source" character varying(300) NOT NULL, CONSTRAINT "population_figure_first_of_january" CHECK (extract(month from reference_date) = 1 AND extract(day from reference_date) = 1), CONSTRAINT "population_figure_non_negative" CHECK (inhabitants >= 0), CONSTRAINT "population_figure_pk" PRIMARY KEY ("municipality_code", "reference_date"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "population_figure_reference_date_idx" ON "population_figure"  ("reference_date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "reference_data_state" ("name" character varying(50) NOT NULL, "checksum" character varying(64) NOT NULL, "loaded_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_4241a8fe6f80310bfe9532eee59" PRIMARY KEY ("name"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipality" ADD CONSTRAINT "municipality_province_fk" FOREIGN KEY ("province_code") REFERENCES "province"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipal_change" ADD CONSTRAINT "municipal_change_old_fk" FOREIGN KEY ("old_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "municipal_change" ADD CONSTRAINT "municipal_change_new_fk" FOREIGN KEY ("new_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "population_figure" ADD CONSTRAINT "population_figure_municipality_fk" FOREIGN KEY ("municipality_code") REFERENCES "municipality"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "population_figure" DROP CONSTRAINT "population_figure_municipality_fk"`);
    await queryRunner.query(`ALTER TABLE "municipal_change" DROP CONSTRAINT "municipal_change_new_fk"`);
    await queryRunner.query(`ALTER TABLE "municipal_change" DROP CONSTRAINT "municipal_change_old_fk"`);
    await queryRunner.query(`ALTER TABLE "municipality" DROP CONSTRAINT "municipality_province_fk"`);
    await queryRunner.query(`DROP TABLE "reference_data_state"`);
    await queryRunner.query(`DROP INDEX "public"."population_figure_reference_date_idx"`);
    await queryRunner.query(`DROP TABLE "population_figure"`);
    await queryRunner.query(`DROP INDEX "public"."municipal_change_new_code_idx"`);
    await queryRunner.query(`DROP INDEX "public"."municipal_change_old_code_idx"`);
    await queryRunner.query(`DROP TABLE "municipal_change"`);
    await queryRunner.query(`DROP INDEX "public"."municipality_province_code_idx"`);
    await queryRunner.query(`DROP TABLE "municipality"`);
    await queryRunner.query(`DROP TABLE "province"`);
  }
}
