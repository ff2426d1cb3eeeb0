import { Injectable } from '@nestjs/common';
import type { IsoDate } from '@wmo/domain';
import type { Transaction } from '@wmo/tenancy';
import type { MunicipalityRecord } from './bundled-reference-data';
import type { MunicipalityInfo } from './reference-data.types';

/** A municipality in a list: with its CBS population on the list's day, or the latest figure before it. */
export interface MunicipalitySummaryRow extends MunicipalityInfo {
  population: number | null;
  populationReferenceDate: IsoDate | null;
}

export interface MunicipalityListFilter {
  /** Municipalities existing on this day. */
  day: IsoDate;
  provinceCode: string | null;
  /** Searched in name and code, case-insensitively, as a plain text (no wildcards). */
  search: string | null;
}

export interface MunicipalityPage {
  sort: 'name' | 'code' | 'population';
  page: number;
  limit: number;
}

const ORDER_BY: Record<MunicipalityPage['sort'], string> = {
  name: 'lower(m.name), m.code',
  code: 'm.code',
  population: 'f.inhabitants DESC NULLS LAST, m.code',
};

/** Existing on `$1` (a date parameter), both ends inclusive. */
const EXISTS_ON = `(m.valid_from IS NULL OR m.valid_from <= $1::date) AND (m.valid_to IS NULL OR m.valid_to >= $1::date)`;
/** The list filter on parameters $1-$3 (see filterParameters). */
const LIST_FILTER = `${EXISTS_ON} AND ($2::varchar IS NULL OR m.province_code = $2) AND ($3::text IS NULL OR m.name ILIKE $3 OR m.code ILIKE $3)`;

const INFO_COLUMNS = `m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
                m.valid_from AS "validFrom", m.valid_to AS "validTo"`;

function filterParameters(filter: MunicipalityListFilter): unknown[] {
  const search = filter.search ? `%${filter.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
  return [filter.day, filter.provinceCode, search];
}

@Injectable()
export class MunicipalityRepository {
  /** One page of the municipalities that pass the filter, in the requested order. */
  page(tx: Transaction, filter: MunicipalityListFilter, page: MunicipalityPage): Promise<MunicipalitySummaryRow[]> {
    return tx.manager.query<MunicipalitySummaryRow[]>(
      `SELECT ${INFO_COLUMNS},
                f.inhabitants AS population, f.reference_date AS "populationReferenceDate"
           FROM municipality m
           JOIN province p ON p.code = m.province_code
           LEFT JOIN LATERAL (
             SELECT inhabitants, reference_date FROM population_figure
              WHERE municipality_code = m.code AND reference_date <= $1::date
              ORDER BY reference_date DESC LIMIT 1) f ON true
          WHERE ${LIST_FILTER}
          ORDER BY ${ORDER_BY[page.sort]}
          LIMIT $4 OFFSET $5`,
      [...filterParameters(filter), page.limit, (page.page - 1) * page.limit],
    );
  }

  /** How many municipalities pass the filter. */
  async count(tx: Transaction, filter: MunicipalityListFilter): Promise<number> {
    const [{ total }] = await tx.manager.query<[{ total: number }]>(
      `SELECT count(*)::int AS total FROM municipality m WHERE ${LIST_FILTER}`,
      filterParameters(filter),
    );
    return total;
  }

  /** The municipalities with these codes (null: all), by code. */
  byCodes(tx: Transaction, codes: readonly string[] | null): Promise<MunicipalityInfo[]> {
    return tx.manager.query<MunicipalityInfo[]>(
      `SELECT ${INFO_COLUMNS}
           FROM municipality m JOIN province p ON p.code = m.province_code
          WHERE $1::varchar[] IS NULL OR m.code = ANY($1)
          ORDER BY m.code`,
      [codes],
    );
  }

  /** The municipalities whose code existed on `day`, by code. */
  existingOn(tx: Transaction, day: IsoDate): Promise<MunicipalityInfo[]> {
    return tx.manager.query<MunicipalityInfo[]>(
      `SELECT ${INFO_COLUMNS}
           FROM municipality m JOIN province p ON p.code = m.province_code
          WHERE ${EXISTS_ON}
          ORDER BY m.code`,
      [day],
    );
  }

  async upsert(tx: Transaction, municipalities: readonly MunicipalityRecord[]): Promise<void> {
    await tx.manager.query(
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
  }
}
