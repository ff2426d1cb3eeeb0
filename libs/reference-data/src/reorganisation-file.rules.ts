import { readCsvRecords } from '@wmo/common';
import {
  addDays,
  IsoDate,
  isIsoDate,
  isValidOn,
  TERRITORIAL_CHANGE_RELATIONS,
  TerritorialChangeRelation,
  Validity,
} from '@wmo/domain';
import { MUNICIPALITY_CODE_PATTERN } from './dto/municipality-code.param';
import type { ImportRowError } from './reference-data.errors';

/** A municipality as loaded: what a reorganisation file is checked against. */
export interface LoadedMunicipality extends Validity {
  name: string;
  provinceCode: string;
}

/** One step of a reorganisation file: (part of) `oldCode` goes to `newCode` on the file's date. */
export interface ReorganisationStep {
  line: number;
  oldCode: string;
  newCode: string;
  relation: TerritorialChangeRelation;
  /** Share of the old municipality's addresses that moves, as an exact decimal; null when unknown. */
  share: string | null;
  addressesMoved: number | null;
  evidence: string;
  notes: string | null;
}

/** A checked reorganisation: its date, its steps, the municipalities it starts and those it ends (the day before). */
export interface CheckedReorganisation {
  effectiveDate: IsoDate;
  steps: ReorganisationStep[];
  started: Array<{ code: string; name: string; provinceCode: string }>;
  ended: Array<{ code: string; name: string }>;
}

/** The columns of data/reference/mergers.csv, and the province of a new municipality. */
const REQUIRED = ['effective_date', 'old_code', 'new_code', 'relation', 'evidence_source'] as const;
const OPTIONAL = [
  'old_name',
  'new_name',
  'new_province_code',
  'share_of_old_addresses',
  'addresses_moved',
  'notes',
] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];

/** Relations after which the old municipality no longer exists (a boundary correction moves a part only). */
const ENDING: readonly TerritorialChangeRelation[] = [
  'MERGED_INTO_NEW',
  'ABSORBED_BY_EXISTING',
  'SPLIT_PART',
  'RENAMED_NEW_CODE',
];
/** Relations that move the whole old municipality: one per old code, never beside a split. */
const WHOLE: readonly TerritorialChangeRelation[] = ['MERGED_INTO_NEW', 'ABSORBED_BY_EXISTING', 'RENAMED_NEW_CODE'];
const TO_NEW_CODE: readonly TerritorialChangeRelation[] = ['MERGED_INTO_NEW', 'RENAMED_NEW_CODE'];

const MAX_ROWS = 1000;
const SHARE = /^(0(\.\d{1,4})?|1(\.0{1,4})?)$/;
/** A share in ten-thousandths, to add shares exactly. */
const tenThousandths = (share: string) => {
  const [whole, fraction = ''] = share.split('.');
  return Number(whole) * 10_000 + Number(fraction.padEnd(4, '0'));
};
const sameName = (a: string, b: string) => a.localeCompare(b, 'nl', { sensitivity: 'base' }) === 0;

/**
 * Checks a reorganisation file (the layout of data/reference/mergers.csv, with `new_province_code`
 * for a municipality that is new) against what is loaded: one date per file, within
 * `years`; old codes exist the day before; a new code was never used before (or was started on
 * this very date, by the same file applied before); an existing receiving code exists on the day;
 * shares are decimals from 0 to 1 and those of one old municipality add up to at most 1. Every
 * problem is returned with its line; the caller writes nothing unless there is none.
 */
export function checkReorganisationFile(
  text: string,
  loaded: ReadonlyMap<string, LoadedMunicipality>,
  provinces: ReadonlySet<string>,
  years: { first: number; last: number },
): { checked: CheckedReorganisation | null; problems: ImportRowError[] } {
  const problems: ImportRowError[] = [];
  const refuse = (line: number, message: string) => ({ checked: null, problems: [{ line, message }] });
  const read = readCsvRecords(text);
  if ('problem' in read) return { checked: null, problems: [read.problem] };
  const [header, ...data] = read.records;
  if (!header) return refuse(1, 'the file is empty: a header and at least one reorganisation step are needed');
  if (header.values.length === 1 && header.values[0].includes(';'))
    return refuse(header.line, 'the file is separated by semicolons; separate the columns with commas');
  const names = header.values.map((name) => name.toLowerCase());
  const unknown = names.filter((name) => !([...REQUIRED, ...OPTIONAL] as string[]).includes(name));
  const absent = REQUIRED.filter((name) => !names.includes(name));
  if (unknown.length || absent.length || new Set(names).size !== names.length)
    return refuse(
      header.line,
      `the first line must name the columns ${REQUIRED.join(',')} (and optionally ${OPTIONAL.join(',')})` +
        (absent.length ? `; missing: ${absent.join(', ')}` : '') +
        (unknown.length ? `; unknown: ${unknown.join(', ')}` : ''),
    );
  if (data.length === 0) return refuse(header.line, 'the file has a header but no reorganisation step');
  if (data.length > MAX_ROWS) return refuse(data[MAX_ROWS].line, `at most ${MAX_ROWS} steps are read per file`);

  const cell = (values: string[], column: Column) => values[names.indexOf(column)]?.trim() ?? '';
  const date = cell(data[0].values, 'effective_date');
  if (!isIsoDate(date))
    return refuse(
      data[0].line,
      `effective_date "${cell(data[0].values, 'effective_date')}" is not a date (YYYY-MM-DD)`,
    );
  const year = Number(date.slice(0, 4));
  if (year < years.first || year > years.last)
    return refuse(
      data[0].line,
      `effective_date ${date} is out of range: reorganisations from ${years.first} to ${years.last} can be loaded`,
    );
  const dayBefore = addDays(date, -1);

  const steps: ReorganisationStep[] = [];
  const started = new Map<string, { code: string; name: string; provinceCode: string; line: number }>();
  for (const { line, values } of data) {
    const problem = (message: string) => problems.push({ line, message });
    if (values.length !== names.length) {
      problem(`${values.length} values where the header names ${names.length} columns`);
      continue;
    }
    const rowDate = cell(values, 'effective_date');
    if (rowDate !== date) {
      problem(
        `effective_date ${rowDate || '(empty)'} differs from ${date}: a file holds the reorganisation of one date`,
      );
      continue;
    }
    const oldCode = cell(values, 'old_code').toUpperCase();
    const newCode = cell(values, 'new_code').toUpperCase();
    const relationText = cell(values, 'relation').toUpperCase();
    const relation = relationText as TerritorialChangeRelation;
    let valid = true;
    const fail = (message: string) => {
      problem(message);
      valid = false;
    };
    if (!TERRITORIAL_CHANGE_RELATIONS.includes(relation))
      fail(
        `relation "${cell(values, 'relation')}" is none of ${TERRITORIAL_CHANGE_RELATIONS.map((r) => r.toLowerCase()).join(', ')}`,
      );
    if (!MUNICIPALITY_CODE_PATTERN.test(oldCode))
      fail(`old_code "${oldCode}" is not a CBS municipality code (GM and four digits)`);
    else {
      const old = loaded.get(oldCode);
      if (!old) fail(`old_code ${oldCode} is no municipality that is loaded: a code that never existed`);
      else if (!isValidOn(old, dayBefore)) fail(`old_code ${oldCode} (${old.name}) does not exist on ${dayBefore}`);
      else if (cell(values, 'old_name') && !sameName(cell(values, 'old_name'), old.name))
        fail(`old_name "${cell(values, 'old_name')}" is not the name of ${oldCode}, which is ${old.name}`);
    }
    if (!MUNICIPALITY_CODE_PATTERN.test(newCode))
      fail(`new_code "${newCode}" is not a CBS municipality code (GM and four digits)`);
    else if (newCode === oldCode) fail(`old_code and new_code are both ${oldCode}`);
    else {
      const existing = loaded.get(newCode);
      const startsToday = !existing || existing.validFrom === date;
      const newName = cell(values, 'new_name');
      const province = cell(values, 'new_province_code').toUpperCase();
      if (startsToday) {
        if (relation === 'ABSORBED_BY_EXISTING')
          fail(`new_code ${newCode} does not exist yet: absorbed_by_existing needs an existing municipality`);
        const name = newName || existing?.name || '';
        const provinceCode = province || existing?.provinceCode || '';
        if (name.length < 2 || name.length > 100)
          fail(`new_name is needed for the new municipality ${newCode} (2 to 100 characters)`);
        else if (!provinces.has(provinceCode))
          fail(
            provinceCode
              ? `new_province_code ${provinceCode} is no province (PV20 to PV31)`
              : `new_province_code is needed for the new municipality ${newCode} (PV20 to PV31)`,
          );
        else {
          const before = started.get(newCode);
          if (before && (!sameName(before.name, name) || before.provinceCode !== provinceCode))
            fail(`new municipality ${newCode} has another name or province than on line ${before.line}`);
          else if (!before) started.set(newCode, { code: newCode, name, provinceCode, line });
        }
      } else if (!isValidOn(existing, date)) {
        fail(
          existing.validTo !== null && existing.validTo < date
            ? `new_code ${newCode} (${existing.name}) ended on ${existing.validTo}; a CBS code is never used again`
            : `new_code ${newCode} (${existing.name}) does not exist on ${date}`,
        );
      } else if (TO_NEW_CODE.includes(relation)) {
        fail(`new_code ${newCode} exists already (${existing.name}): ${relation.toLowerCase()} needs a new code`);
      } else if (newName && !sameName(newName, existing.name)) {
        fail(`new_name "${newName}" is not the name of ${newCode}, which is ${existing.name}`);
      } else if (province && province !== existing.provinceCode) {
        fail(`new_province_code ${province} is not the province of ${newCode} (${existing.provinceCode})`);
      }
    }
    const share = cell(values, 'share_of_old_addresses');
    if (share && !SHARE.test(share))
      fail(`share_of_old_addresses "${share}" is not a decimal from 0 to 1 (at most four decimals)`);
    const moved = cell(values, 'addresses_moved');
    if (moved && !/^\d{1,7}$/.test(moved)) fail(`addresses_moved "${moved}" is not a whole number of addresses`);
    const evidence = cell(values, 'evidence_source');
    if (!evidence) fail('evidence_source is needed: where the reorganisation is published (the law, the CBS table)');
    if (evidence.length > 2000) fail('evidence_source is longer than 2000 characters');
    const notes = cell(values, 'notes');
    if (notes.length > 2000) fail('notes is longer than 2000 characters');
    if (!valid) continue;
    if (steps.some((step) => step.oldCode === oldCode && step.newCode === newCode)) {
      problem(`${oldCode} to ${newCode} is listed twice`);
      continue;
    }
    steps.push({
      line,
      oldCode,
      newCode,
      relation,
      share: share || null,
      addressesMoved: moved ? Number(moved) : null,
      evidence,
      notes: notes || null,
    });
  }

  // What the steps say together.
  for (const oldCode of new Set(steps.map((step) => step.oldCode))) {
    const from = steps.filter((step) => step.oldCode === oldCode);
    const last = from[from.length - 1];
    const whole = from.filter((step) => WHOLE.includes(step.relation));
    if (whole.length > 1 || (whole.length && from.some((step) => step.relation === 'SPLIT_PART')))
      problems.push({
        line: last.line,
        message: `${oldCode} goes whole to ${whole.map((step) => step.newCode).join(' and ')}${
          from.some((step) => step.relation === 'SPLIT_PART') ? ' and is split as well' : ''
        }: a municipality split over several others is listed with split_part and its shares`,
      });
    const shares = from.filter((step) => step.share !== null).map((step) => tenThousandths(step.share!));
    const total = shares.reduce((sum, share) => sum + share, 0);
    if (total > 10_000)
      problems.push({
        line: last.line,
        message: `the shares of ${oldCode} add up to ${(total / 10_000).toFixed(4)}, more than 1`,
      });
    if (from.some((step) => ENDING.includes(step.relation)) && steps.some((step) => step.newCode === oldCode))
      problems.push({ line: last.line, message: `${oldCode} ends on ${date} and cannot receive a part on that day` });
  }
  if (problems.length) return { checked: null, problems };

  const ended = [...new Set(steps.filter((step) => ENDING.includes(step.relation)).map((step) => step.oldCode))];
  return {
    checked: {
      effectiveDate: date,
      steps,
      started: [...started.values()].map(({ code, name, provinceCode }) => ({ code, name, provinceCode })),
      ended: ended.map((code) => ({ code, name: loaded.get(code)!.name })),
    },
    problems: [],
  };
}
