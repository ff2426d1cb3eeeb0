import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BundledReferenceData, readBundledReferenceData } from './bundled-reference-data';
import { REFRESH_MUNICIPALITY_DETAIL } from './municipality-detail.view';

const BUNDLE_NAME = 'cbs-reference-data';

/**
 * Loads the bundled CBS reference data. Idempotent: every row is an upsert, and a bundle whose
 * checksum is already recorded is skipped, so figures imported later (a new CBS year, a
 * correction) are not overwritten by an unchanged bundle at the next start.
 */
export async function loadBundledReferenceData(
  dataSource: DataSource,
  bundle: BundledReferenceData = readBundledReferenceData(),
): Promise<'loaded' | 'unchanged'> {
  const logger = new Logger('ReferenceData');
  return dataSource.transaction(async (manager) => {
    const [state] = await manager.query(`SELECT checksum FROM reference_data_state WHERE name = $1 FOR UPDATE`, [
      BUNDLE_NAME,
    ]);
    if (state?.checksum === bundle.checksum) return 'unchanged';
    await upsertReferenceData(manager, bundle);
    await manager.query(
      `INSERT INTO reference_data_state (name, checksum, loaded_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, loaded_at = EXCLUDED.loaded_at`,
      [BUNDLE_NAME, bundle.checksum],
    );
    await manager.query(REFRESH_MUNICIPALITY_DETAIL);
    // Fresh statistics, so the planner uses the indexes from the first request on.
    await manager.query(`ANALYZE province, municipality, population_figure, municipal_change, municipality_detail`);
    logger.log(
      `Loaded CBS reference data: ${bundle.provinces.length} provinces, ${bundle.municipalities.length} municipalities, ` +
        `${bundle.population.length} population figures, ${bundle.changes.length} reorganisation steps.`,
    );
    return 'loaded';
  });
}

async function upsertReferenceData(manager: EntityManager, bundle: BundledReferenceData): Promise<void> {
  const { provinces, municipalities, population, changes } = bundle;
  await manager.query(
    `INSERT INTO province (code, code_number, name, alt_name)
     SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::varchar[], $4::varchar[])
     ON CONFLICT (code) DO UPDATE SET code_number = EXCLUDED.code_number, name = EXCLUDED.name, alt_name = EXCLUDED.alt_name`,
    [
      provinces.map((p) => p.code),
      provinces.map((p) => p.codeNumber),
      provinces.map((p) => p.name),
      provinces.map((p) => p.altName),
    ],
  );
  await manager.query(
    `INSERT INTO municipality (code, name, province_code, valid_from, valid_to)
     SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::date[], $5::date[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, province_code = EXCLUDED.province_code,
       valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to`,
    [
      municipalities.map((m) => m.code),
      municipalities.map((m) => m.name),
      municipalities.map((m) => m.provinceCode),
      municipalities.map((m) => m.validFrom),
      municipalities.map((m) => m.validTo),
    ],
  );
  await manager.query(
    `INSERT INTO population_figure (municipality_code, reference_date, inhabitants, source)
     SELECT * FROM unnest($1::varchar[], $2::date[], $3::integer[], $4::varchar[])
     ON CONFLICT (municipality_code, reference_date) DO UPDATE SET inhabitants = EXCLUDED.inhabitants, source = EXCLUDED.source`,
    [
      population.map((p) => p.municipalityCode),
      population.map((p) => p.referenceDate),
      population.map((p) => p.inhabitants),
      population.map((p) => p.source),
    ],
  );
  await manager.query(
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
