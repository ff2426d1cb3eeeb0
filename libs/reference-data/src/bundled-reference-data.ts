import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  addDays,
  firstOfJanuary,
  isValidOn,
  TERRITORIAL_CHANGE_RELATIONS,
  TerritorialChange,
  TerritorialChangeRelation,
  Validity,
} from '@wmo/domain';

export interface ProvinceRecord {
  code: string;
  codeNumber: number;
  name: string;
  altName: string | null;
}

export interface MunicipalityRecord extends Validity {
  code: string;
  name: string;
  provinceCode: string;
}

export interface PopulationRecord {
  municipalityCode: string;
  referenceDate: string;
  inhabitants: number;
  source: string;
}

export interface MunicipalChangeRecord extends TerritorialChange {
  addressesMoved: number | null;
  evidence: string;
}

export interface BundledReferenceData {
  checksum: string;
  provinces: ProvinceRecord[];
  municipalities: MunicipalityRecord[];
  population: PopulationRecord[];
  changes: MunicipalChangeRecord[];
}

const FILES = ['provinces.csv', 'population_history.csv', 'municipalities_2025.csv', 'mergers.csv'] as const;
/** The first year of the bundled layout; codes present then may be older. */
const FIRST_YEAR = 2014;

/** `data/reference` of the repository, wherever the code runs from (sources, dist, tests). */
export function defaultReferenceDataDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'data', 'reference');
}

function readCsv(dir: string, file: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(join(dir, file)), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
  });
}

/**
 * Reads the CBS files bundled in `data/reference` into records, deriving when each municipality
 * existed from the years it appears in, and checks that derivation against every yearly layout:
 * a file that contradicts itself stops the load instead of producing wrong bills.
 */
export function readBundledReferenceData(dir = defaultReferenceDataDir()): BundledReferenceData {
  const root = resolve(dir);
  const checksum = createHash('sha256');
  for (const file of FILES) checksum.update(file).update(readFileSync(join(root, file)));

  const provinces = readCsv(root, 'provinces.csv').map((row) => ({
    code: row.province_code,
    codeNumber: Number(row.code_number),
    name: row.province_name,
    altName: row.alt_name || null,
  }));

  const history = readCsv(root, 'population_history.csv');
  const current = readCsv(root, 'municipalities_2025.csv');
  const changes = readCsv(root, 'mergers.csv').map((row): MunicipalChangeRecord => {
    const relation = row.relation.toUpperCase() as TerritorialChangeRelation;
    if (!TERRITORIAL_CHANGE_RELATIONS.includes(relation))
      throw new Error(`mergers.csv: unknown relation ${row.relation}`);
    return {
      effectiveDate: row.effective_date,
      oldCode: row.old_code,
      newCode: row.new_code,
      relation,
      share: row.share_of_old_addresses || null,
      addressesMoved: row.addresses_moved ? Number(row.addresses_moved) : null,
      evidence: row.evidence_source,
      notes: row.notes || null,
    };
  });

  // Which codes exist on 1 January of each year, and the latest name and province of each.
  const layouts = new Map<number, Set<string>>();
  const latest = new Map<string, { name: string; provinceCode: string }>();
  const population: PopulationRecord[] = [];
  for (const row of history) {
    const year = Number(row.year);
    if (!layouts.has(year)) layouts.set(year, new Set());
    layouts.get(year)!.add(row.code);
    latest.set(row.code, { name: row.name, provinceCode: row.province_code });
    population.push({
      municipalityCode: row.code,
      referenceDate: row.reference_date,
      inhabitants: Number(row.population),
      source: row.population_source,
    });
  }
  const currentYear = Math.max(...layouts.keys()) + 1;
  layouts.set(currentYear, new Set(current.map((row) => row.code)));
  for (const row of current) latest.set(row.code, { name: row.name, provinceCode: row.province_code });

  const municipalities = [...latest.entries()].map(([code, { name, provinceCode }]): MunicipalityRecord => {
    const years = [...layouts.entries()].filter(([, codes]) => codes.has(code)).map(([year]) => year);
    const first = Math.min(...years);
    const into = changes.filter((change) => change.newCode === code).map((change) => change.effectiveDate);
    const outOf = changes.filter((change) => change.oldCode === code).map((change) => change.effectiveDate);
    return {
      code,
      name,
      provinceCode,
      validFrom:
        first === FIRST_YEAR
          ? null
          : (into
              .filter((date) => date <= firstOfJanuary(first))
              .sort()
              .at(-1) ?? firstOfJanuary(first)),
      validTo: outOf.length ? addDays(outOf.sort()[0], -1) : null,
    };
  });

  assertLayoutsAgree(municipalities, layouts);
  return { checksum: checksum.digest('hex'), provinces, municipalities, population, changes };
}

function assertLayoutsAgree(municipalities: MunicipalityRecord[], layouts: Map<number, Set<string>>): void {
  for (const [year, codes] of layouts) {
    const day = firstOfJanuary(year);
    const derived = municipalities.filter((m) => isValidOn(m, day)).map((m) => m.code);
    const missing = [...codes].filter((code) => !derived.includes(code));
    const extra = derived.filter((code) => !codes.has(code));
    if (missing.length || extra.length) {
      throw new Error(
        `Reference data does not agree with itself for ${day}: ` +
          `listed but not derived ${missing.join(',') || '-'}; derived but not listed ${extra.join(',') || '-'}`,
      );
    }
  }
}
