import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RequestValidationError } from '@wmo/common';
import { queryPrepared } from '@wmo/database';
import {
  addYears,
  firstOfJanuary,
  IsoDate,
  isValidOn,
  territoryPopulation,
  TerritorialChange,
  todayInAmsterdam,
  Validity,
  yearOf,
} from '@wmo/domain';
import { ListMunicipalitiesQuery } from './dto/list-municipalities.query';
import {
  MunicipalityPageDto,
  MunicipalitySummaryDto,
  ProvinceDto,
  TerritoryPopulationDto,
} from './dto/municipality.dto';
import { ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';
import { TERRITORIAL_CHANGES_SQL } from './municipal-change.entity';

const ORDER_BY: Record<ListMunicipalitiesQuery['sort'], string> = {
  name: 'lower(m.name), m.code',
  code: 'm.code',
  population: 'f.inhabitants DESC NULLS LAST, m.code',
};

/** Existing on `$1` (a date parameter), both ends inclusive. */
const EXISTS_ON = `(m.valid_from IS NULL OR m.valid_from <= $1::date) AND (m.valid_to IS NULL OR m.valid_to >= $1::date)`;

@Injectable()
export class ReferenceDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(query: ListMunicipalitiesQuery): Promise<MunicipalityPageDto> {
    const year = query.year ?? yearOf(todayInAmsterdam());
    const day = firstOfJanuary(year);
    if (query.province) await this.assertProvinceExists(query.province);
    const search = query.q ? `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    const filter = `${EXISTS_ON} AND ($2::varchar IS NULL OR m.province_code = $2) AND ($3::text IS NULL OR m.name ILIKE $3 OR m.code ILIKE $3)`;
    const params = [day, query.province ?? null, search];
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query<MunicipalitySummaryDto[]>(
        `SELECT m.code, m.name, m.province_code AS "provinceCode", p.name AS "provinceName",
                m.valid_from AS "validFrom", m.valid_to AS "validTo",
                f.inhabitants AS population, f.reference_date AS "populationReferenceDate"
           FROM municipality m
           JOIN province p ON p.code = m.province_code
           LEFT JOIN LATERAL (
             SELECT inhabitants, reference_date FROM population_figure
              WHERE municipality_code = m.code AND reference_date <= $1::date
              ORDER BY reference_date DESC LIMIT 1) f ON true
          WHERE ${filter}
          ORDER BY ${ORDER_BY[query.sort]}
          LIMIT $4 OFFSET $5`,
        [...params, query.limit, (query.page - 1) * query.limit],
      ),
      this.dataSource.query<[{ total: number }]>(
        `SELECT count(*)::int AS total FROM municipality m WHERE ${filter}`,
        params,
      ),
    ]);
    return { items, total, page: query.page, limit: query.limit, year };
  }

  /** The municipality document, prepared in the `municipality_detail` view: one primary-key read, sent as stored. */
  async getDocument(code: string): Promise<string> {
    const [row] = await queryPrepared<{ body: string }>(
      this.dataSource,
      'municipality-detail',
      `SELECT body FROM municipality_detail WHERE code = $1`,
      [code],
    );
    if (!row) throw notFound(code);
    return row.body;
  }

  /** DOMAIN.md rule 3: the inhabitants on `referenceDate` of the territory that forms the municipality on `asOf`. */
  async population(code: string, referenceDate: IsoDate, asOfParam?: IsoDate): Promise<TerritoryPopulationDto> {
    const asOf = asOfParam ?? addYears(referenceDate, 1);
    if (asOf < referenceDate) {
      throw new RequestValidationError([
        { field: 'asOf', message: `asOf (${asOf}) must not be before referenceDate (${referenceDate})` },
      ]);
    }
    const [municipality] = await this.dataSource.query<[(Validity & { name: string })?]>(
      `SELECT name, valid_from AS "validFrom", valid_to AS "validTo" FROM municipality WHERE code = $1`,
      [code],
    );
    if (!municipality) throw notFound(code);
    const { validFrom, validTo } = municipality;
    if (!isValidOn(municipality, asOf)) {
      throw new ReferenceDataError(
        ReferenceDataErrorCode.MunicipalityNotExisting,
        `${municipality.name} (${code}) did not exist on ${asOf}: it existed ` +
          `${validFrom ? `from ${validFrom}` : 'from before 2014-01-01'} ${validTo ? `to ${validTo}` : 'until now'}.`,
        { validFrom, validTo },
      );
    }

    const [figureRows, changes] = await Promise.all([
      this.dataSource.query<Array<{ code: string; inhabitants: number }>>(
        `SELECT municipality_code AS code, inhabitants FROM population_figure WHERE reference_date = $1`,
        [referenceDate],
      ),
      this.dataSource.query<TerritorialChange[]>(TERRITORIAL_CHANGES_SQL),
    ]);
    if (figureRows.length === 0) {
      const available = await this.availableReferenceDates();
      throw new ReferenceDataError(
        ReferenceDataErrorCode.PopulationNotAvailable,
        `There are no CBS population figures for ${referenceDate}. CBS counts the population on 1 January; ` +
          `figures are available for ${available.length ? `${available[0]} to ${available.at(-1)}` : 'no date yet'}.`,
        { availableReferenceDates: available },
      );
    }

    const result = territoryPopulation({
      code,
      referenceDate,
      asOf,
      figures: new Map(figureRows.map((row) => [row.code, row.inhabitants])),
      changes,
    });
    if (result.missingFigures.length) {
      throw new ReferenceDataError(
        ReferenceDataErrorCode.PopulationIncomplete,
        `The territory of ${code} on ${asOf} includes ${result.missingFigures.join(', ')}, which has no CBS figure for ${referenceDate}.`,
        { missing: result.missingFigures },
      );
    }
    const names = await this.namesOf(result.components.map((component) => component.code));
    return {
      code,
      name: municipality.name,
      inhabitants: result.inhabitants,
      referenceDate,
      asOf,
      approximate: result.approximate,
      notes: result.notes,
      components: result.components.map((component) => ({
        code: component.code,
        name: names.get(component.code) ?? component.code,
        referenceInhabitants: component.referenceInhabitants,
        share: Number(component.share),
        inhabitants: component.inhabitants,
        approximate: component.approximate,
        note: component.note,
      })),
    };
  }

  async provinces(): Promise<ProvinceDto[]> {
    return this.dataSource.query(
      `SELECT code, code_number AS "codeNumber", name, alt_name AS "altName" FROM province ORDER BY code`,
    );
  }

  private async availableReferenceDates(): Promise<string[]> {
    const rows = await this.dataSource.query<Array<{ date: string }>>(
      `SELECT DISTINCT reference_date AS date FROM population_figure ORDER BY 1`,
    );
    return rows.map((row) => row.date);
  }

  private async namesOf(codes: string[]): Promise<Map<string, string>> {
    const rows = await this.dataSource.query<Array<{ code: string; name: string }>>(
      `SELECT code, name FROM municipality WHERE code = ANY($1)`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.name]));
  }

  private async assertProvinceExists(code: string): Promise<void> {
    const rows = await this.dataSource.query(`SELECT 1 FROM province WHERE code = $1`, [code]);
    if (rows.length === 0) {
      throw new RequestValidationError([
        { field: 'province', message: `province ${code} does not exist; CBS province codes run from PV20 to PV31` },
      ]);
    }
  }
}

function notFound(code: string): ReferenceDataError {
  return new ReferenceDataError(
    ReferenceDataErrorCode.MunicipalityNotFound,
    `There is no municipality with CBS code ${code}.`,
  );
}
