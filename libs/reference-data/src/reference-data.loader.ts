import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Transaction, unscopedAsPlatform } from '@wmo/tenancy';
import { BundledReferenceData, readBundledReferenceData } from './bundled-reference-data';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalityDetailRepository } from './municipality-detail.repository';
import { MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { ProvinceRepository } from './province.repository';
import { ReferenceDataStateRepository } from './reference-data-state.repository';

const BUNDLE_NAME = 'cbs-reference-data';

// Start-up runs before (and without) the Nest container; the repositories are stateless.
const state = new ReferenceDataStateRepository();
const provinces = new ProvinceRepository();
const municipalities = new MunicipalityRepository();
const figures = new PopulationFigureRepository();
const changes = new MunicipalChangeRepository();
const documents = new MunicipalityDetailRepository();

/**
 * Loads the bundled CBS reference data, as the schema owner at start-up. Idempotent: every row is
 * an upsert, and a bundle whose checksum is already recorded is skipped, so figures imported later
 * (a new CBS year, a correction) are not overwritten by an unchanged bundle at the next start.
 */
export function loadBundledReferenceData(
  dataSource: DataSource,
  bundle: BundledReferenceData = readBundledReferenceData(),
): Promise<'loaded' | 'unchanged'> {
  return unscopedAsPlatform(dataSource, (tx) => loadBundle(tx, bundle));
}

async function loadBundle(tx: Transaction, bundle: BundledReferenceData): Promise<'loaded' | 'unchanged'> {
  if ((await state.lockedChecksum(tx, BUNDLE_NAME)) === bundle.checksum) return 'unchanged';
  await provinces.upsert(tx, bundle.provinces);
  await municipalities.upsert(tx, bundle.municipalities);
  await figures.upsertBundled(tx, bundle.population);
  await changes.upsert(tx, bundle.changes);
  await state.record(tx, BUNDLE_NAME, bundle.checksum);
  await documents.refresh(tx);
  await state.analyse(tx);
  new Logger('ReferenceData').log(
    `Loaded CBS reference data: ${bundle.provinces.length} provinces, ${bundle.municipalities.length} municipalities, ` +
      `${bundle.population.length} population figures, ${bundle.changes.length} reorganisation steps.`,
  );
  return 'loaded';
}
