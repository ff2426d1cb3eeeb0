import { Injectable } from '@nestjs/common';
import { RequestValidationError } from '@wmo/common';
import {
  addYears,
  firstOfJanuary,
  IsoDate,
  isValidOn,
  territoryPopulation,
  todayInAmsterdam,
  yearOf,
} from '@wmo/domain';
import { ReferenceDatabase } from '@wmo/tenancy';
import { ListMunicipalitiesQuery } from './dto/list-municipalities.query';
import { MunicipalityPageDto, ProvinceDto, TerritoryPopulationDto } from './dto/municipality.dto';
import { MunicipalChangeRepository } from './municipal-change.repository';
import { MunicipalityDetailRepository } from './municipality-detail.repository';
import { MunicipalityListFilter, MunicipalityRepository } from './municipality.repository';
import { PopulationFigureRepository } from './population-figure.repository';
import { ProvinceRepository } from './province.repository';
import { ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';

/**
 * The reference-data API. Reference data is the same for everyone and row-level security does
 * not guard it, so these reads run statement by statement on the pool (ReferenceDatabase), not in
 * a tenant transaction.
 */
@Injectable()
export class ReferenceDataService {
  constructor(
    private readonly db: ReferenceDatabase,
    private readonly municipalities: MunicipalityRepository,
    private readonly provinceRows: ProvinceRepository,
    private readonly figures: PopulationFigureRepository,
    private readonly changes: MunicipalChangeRepository,
    private readonly documents: MunicipalityDetailRepository,
  ) {}

  async list(query: ListMunicipalitiesQuery): Promise<MunicipalityPageDto> {
    const year = query.year ?? yearOf(todayInAmsterdam());
    const reader = this.db.reader;
    if (query.province && !(await this.provinceRows.exists(reader, query.province))) {
      throw new RequestValidationError([
        {
          field: 'province',
          message: `province ${query.province} does not exist; CBS province codes run from PV20 to PV31`,
        },
      ]);
    }
    const filter: MunicipalityListFilter = {
      day: firstOfJanuary(year),
      provinceCode: query.province ?? null,
      search: query.q || null,
    };
    // Two statements at once: the reader sends each on a connection of its own.
    const [items, total] = await Promise.all([
      this.municipalities.page(reader, filter, { sort: query.sort, page: query.page, limit: query.limit }),
      this.municipalities.count(reader, filter),
    ]);
    return { items, total, page: query.page, limit: query.limit, year };
  }

  /** The municipality document, prepared in the `municipality_detail` view: one primary-key read, sent as stored. */
  async getDocument(code: string): Promise<string> {
    const body = await this.documents.document(this.db, code);
    if (body === null) throw notFound(code);
    return body;
  }

  /** DOMAIN.md rule 3: the inhabitants on `referenceDate` of the territory that forms the municipality on `asOf`. */
  async population(code: string, referenceDate: IsoDate, asOfParam?: IsoDate): Promise<TerritoryPopulationDto> {
    const asOf = asOfParam ?? addYears(referenceDate, 1);
    if (asOf < referenceDate) {
      throw new RequestValidationError([
        { field: 'asOf', message: `asOf (${asOf}) must not be before referenceDate (${referenceDate})` },
      ]);
    }
    const reader = this.db.reader;
    const [municipality] = await this.municipalities.byCodes(reader, [code]);
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
      this.figures.onDates(reader, [referenceDate]),
      this.changes.territorialChanges(reader),
    ]);
    if (figureRows.length === 0) {
      const available = await this.figures.referenceDates(reader);
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
    const components = await this.municipalities.byCodes(
      reader,
      result.components.map((component) => component.code),
    );
    const names = new Map(components.map((component) => [component.code, component.name]));
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

  provinces(): Promise<ProvinceDto[]> {
    return this.provinceRows.all(this.db.reader);
  }
}

function notFound(code: string): ReferenceDataError {
  return new ReferenceDataError(
    ReferenceDataErrorCode.MunicipalityNotFound,
    `There is no municipality with CBS code ${code}.`,
  );
}
