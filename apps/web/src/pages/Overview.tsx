import { $api } from '../api/client';
import type { components, paths } from '../api/schema';
import { ExportLinks } from '../components/ExportLinks';
import { SelectField } from '../components/fields';
import {
  Pagination,
  queryOf,
  ResultCount,
  SearchForm,
  SortableHeader,
  useListParams,
  type ListState,
} from '../components/lists';
import { Alert, COMPLIANCE_LABELS, ComplianceBadge, ErrorAlert, Loading, PageHeading, Section } from '../components/ui';
import { count, currentYear, dateLong, euroCents, plural, UNKNOWN, yearOptions } from '../format';
import { useMe } from '../session';
import { FUNDING_MODEL, labelOf } from './contracts/labels';
import { coveredOf, ProvinceMap } from './overview/ProvinceMap';
import './overview/overview.css';

type OverviewDto = components['schemas']['OverviewDto'];
type Totals = components['schemas']['OverviewTotalsDto'];
type ProvinceTotals = components['schemas']['ProvinceTotalsDto'];
type Status = OverviewDto['items'][number]['status'];
type OverviewQuery = NonNullable<paths['/api/v1/compliance/overview']['get']['parameters']['query']>;

const STATUSES: Status[] = ['COMPLIANT', 'AT_RISK', 'NON_COMPLIANT'];

/** The list's state in the address: Dutch names for the page's own filters. */
const defaults = () => ({ sort: 'name', limit: 50, jaar: currentYear(), status: '', provincie: '' });
type OverviewList = ListState<ReturnType<typeof defaults>>;

/** "-" and how many are unknown, never a sum of the known ones passed off as the whole. */
function unknownNote(totals: Totals): string | null {
  if (totals.complete) return null;
  const unknown = Math.max(totals.unknownInhabitants, totals.unknownCost);
  return `Van ${plural(unknown, 'gemeente', 'gemeenten')} ${unknown === 1 ? 'is' : 'zijn'} het aantal inwoners of de kosten nog niet bekend; daarom staat bij het totaal "${UNKNOWN}".`;
}

/** The provinces added up for the table's last row, with the same honesty: one unknown makes the sum unknown. */
function national(provinces: ProvinceTotals[]): Totals {
  const sum = (pick: (p: ProvinceTotals) => number) => provinces.reduce((total, p) => total + pick(p), 0);
  const known = (pick: (p: ProvinceTotals) => number | null) =>
    provinces.some((p) => pick(p) === null) ? null : sum((p) => pick(p) ?? 0);
  return {
    municipalities: sum((p) => p.municipalities),
    COMPLIANT: sum((p) => p.COMPLIANT),
    AT_RISK: sum((p) => p.AT_RISK),
    NON_COMPLIANT: sum((p) => p.NON_COMPLIANT),
    inhabitants: known((p) => p.inhabitants),
    costCents: known((p) => p.costCents),
    unknownInhabitants: sum((p) => p.unknownInhabitants),
    unknownCost: sum((p) => p.unknownCost),
    complete: provinces.every((p) => p.complete),
  };
}

const share = (p: Totals) => (p.municipalities ? `${Math.floor((coveredOf(p) / p.municipalities) * 100)}%` : UNKNOWN);

/** The judged period in words: up to today (the API's day, asOf) while the year runs. */
function periodText(year: number, asOf: string): string {
  if (year > currentYear()) return `Vooruitblik op ${year}: beoordeeld op de contracten zoals die vandaag vastliggen.`;
  if (asOf < `${year}-12-31`) return `Beoordeeld van ${dateLong(`${year}-01-01`)} t/m ${dateLong(asOf)} (vandaag).`;
  return `Beoordeeld over heel ${year}: ${dateLong(`${year}-01-01`)} t/m ${dateLong(`${year}-12-31`)}.`;
}

export function OverviewPage() {
  const me = useMe();
  const provider = me.organisation.kind === 'PROVIDER';
  const list: OverviewList = useListParams(defaults());
  const { jaar: year, status, provincie: province, ...rest } = list.params;
  // The select boxes only offer the API's values; the address may hold anything, which the API answers with a 400.
  const query = queryOf({ ...rest, year, status, province }) as OverviewQuery;
  const overview = $api.useQuery(
    'get',
    '/api/v1/compliance/overview',
    { params: { query } },
    { placeholderData: (previous) => previous },
  );
  const data = overview.data;

  const title = provider ? 'Gemeenten' : 'Landelijk overzicht';
  const provinceName = data?.provinces.find((p) => p.code === province)?.name;
  const where = province ? `in ${provinceName ?? province}` : provider ? 'die u bedient' : 'in Nederland';
  const statusWords = status ? ` met status ${COMPLIANCE_LABELS[status]?.label.toLowerCase() ?? status}` : '';

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="utrecht-paragraph">
        {provider
          ? 'Hoe de gemeenten die uw organisatie bedient aan de plicht voldoen: een luisterend oor op elk moment van de dag (Wmo 2015, art. 2.2.4 lid 1 onder b).'
          : 'Hoe alle gemeenten aan de plicht voldoen: een luisterend oor op elk moment van de dag (Wmo 2015, art. 2.2.4 lid 1 onder b), met het contract dat hen dekt en wat het kost.'}
      </p>

      <form
        className="filters overview-filters"
        aria-label="Overzicht filteren"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField
          label="Jaar"
          value={year}
          onChange={(value) => list.set({ jaar: Number(value) })}
          options={yearOptions(1)}
        />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => list.set({ status: value })}
          placeholder="Alle statussen"
          options={STATUSES.map((s) => [s, COMPLIANCE_LABELS[s].label] as const)}
        />
        <SelectField
          label="Provincie"
          value={province}
          onChange={(value) => list.set({ provincie: value })}
          disabled={!data}
          placeholder="Alle provincies"
          options={(data?.provinces ?? []).map((p) => [p.code, p.name] as const)}
        />
      </form>
      <SearchForm list={list} label="Zoek een gemeente op naam of code" />

      {overview.error ? <ErrorAlert error={overview.error} /> : null}
      {!data ? (
        overview.error ? null : (
          <Loading label="Overzicht wordt geladen…" />
        )
      ) : (
        <>
          {data.missingFigures.map((figure) => (
            <Alert key={figure.referenceDate} type="warning" heading="Cijfers ontbreken">
              De CBS-bevolkingscijfers per {dateLong(figure.referenceDate)} zijn nog niet bekend; inwoners en bedragen
              voor {data.year} volgen zodra ze zijn geladen ({plural(figure.municipalities, 'gemeente', 'gemeenten')}).
              Waar een cijfer nog niet bekend is, staat „{UNKNOWN}”.
            </Alert>
          ))}

          <Section id="stand-kop" title={`Stand ${data.year} ${where}`}>
            <p className="utrecht-paragraph">{periodText(data.year, data.asOf)}</p>
            <ul className="cards status-cards" aria-label={`Aantal gemeenten per status, ${data.year}`}>
              {STATUSES.map((s) => (
                <li key={s} className="card status-card">
                  <ComplianceBadge status={s} />
                  <span className="status-card__number">{count(data.counts[s])}</span>
                  <span className="status-card__of">van {plural(data.counts.total, 'gemeente', 'gemeenten')}</span>
                </li>
              ))}
            </ul>
          </Section>

          <Section id="provincies-kop" title="Per provincie">
            <p className="utrecht-paragraph">
              Het aandeel gemeenten per provincie waar de plicht gedekt is (voldaan of voldaan met risico). Kies een
              provincie op de kaart om de lijst hieronder daarop te filteren.
            </p>
            <div className="province-overview">
              <ProvinceMap
                provinces={data.provinces}
                selected={province}
                year={data.year}
                hrefFor={(code) => list.hrefFor({ provincie: code === province ? '' : code })}
                onSelect={(code) => list.set({ provincie: code === province ? '' : code })}
              />
              <ProvinceTable provinces={data.provinces} year={data.year} />
            </div>
          </Section>

          <Section id="gemeenten-kop" title="Gemeenten">
            <div className="table-toolbar">
              {/* While the next answer loads, the previous rows stay, but no count that belongs to neither. */}
              <ResultCount total={overview.isPlaceholderData ? undefined : data.total} one="gemeente" many="gemeenten">
                {`${statusWords}${list.params.q ? ` voor „${list.params.q}”` : ''} ${where}.`.trim()}
              </ResultCount>
              <ExportLinks
                path="/compliance/overview/export"
                query={queryOf({ year, status, province, q: list.params.q, sort: list.params.sort })}
                fallbackName={`naleving-${year}`}
              />
            </div>
            <SelectionTotals totals={data.totals} />
            {data.items.length === 0 ? (
              <p className="utrecht-paragraph">
                Geen gemeenten met deze keuze. Kies een andere status of provincie, of zoek op een andere naam.
              </p>
            ) : (
              <MunicipalityTable list={list} data={data} />
            )}
            <Pagination list={list} total={data.total} />
          </Section>
        </>
      )}
    </>
  );
}

function SelectionTotals({ totals }: { totals: Totals }) {
  const note = unknownNote(totals);
  return (
    <div className="overview-totals">
      <p className="utrecht-paragraph">
        Samen: {plural(totals.municipalities, 'gemeente', 'gemeenten')}, {count(totals.inhabitants)} inwoners, kosten{' '}
        {euroCents(totals.costCents)} (incl. btw).
      </p>
      {note ? <p className="utrecht-paragraph overview-totals__note">{note}</p> : null}
    </div>
  );
}

function ProvinceTable({ provinces, year }: { provinces: ProvinceTotals[]; year: number }) {
  const all = national(provinces);
  const numeric = 'utrecht-table__cell utrecht-table__cell--numeric-column';
  const head = 'utrecht-table__header-cell utrecht-table__header-cell--numeric-column';
  const cells = (p: Totals) => (
    <>
      <td className={numeric} data-label="Gemeenten">
        {count(p.municipalities)}
      </td>
      <td className={numeric} data-label="Gedekt">
        {count(coveredOf(p))} ({share(p)})
      </td>
      <td className={numeric} data-label="Niet voldaan">
        {count(p.NON_COMPLIANT)}
      </td>
      <td className={numeric} data-label="Inwoners">
        {count(p.inhabitants)}
      </td>
      <td className={numeric} data-label="Kosten">
        {euroCents(p.costCents)}
      </td>
    </>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="provincies-tabel">
      <table className="utrecht-table portal-table portal-table--cards overview-table">
        <caption id="provincies-tabel" className="utrecht-table__caption">
          Gemeenten per provincie, {year}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Provincie
            </th>
            <th scope="col" className={head}>
              Gemeenten
            </th>
            <th scope="col" className={head}>
              Gedekt
            </th>
            <th scope="col" className={head}>
              Niet voldaan
            </th>
            <th scope="col" className={head}>
              Inwoners
            </th>
            <th scope="col" className={head}>
              Kosten (incl. btw)
            </th>
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {provinces.map((p) => (
            <tr key={p.code} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {p.name}
              </th>
              {cells(p)}
            </tr>
          ))}
        </tbody>
        <tfoot className="utrecht-table__footer">
          <tr className="utrecht-table__row">
            <th scope="row" className="utrecht-table__header-cell">
              Samen
            </th>
            {cells(all)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function MunicipalityTable({ list, data }: { list: OverviewList; data: OverviewDto }) {
  const cell = 'utrecht-table__cell';
  const numeric = 'utrecht-table__cell utrecht-table__cell--numeric-column';
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="gemeenten-tabel">
      <table className="utrecht-table portal-table portal-table--cards overview-table">
        <caption id="gemeenten-tabel" className="utrecht-table__caption">
          Gemeenten {data.year}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <SortableHeader list={list} field="name" label="Gemeente" />
            <SortableHeader list={list} field="code" label="Code" />
            <SortableHeader list={list} field="province" label="Provincie" />
            <SortableHeader list={list} field="status" label="Status" />
            <th scope="col" className="utrecht-table__header-cell">
              Contract
            </th>
            <th scope="col" className="utrecht-table__header-cell">
              Financiering
            </th>
            <SortableHeader list={list} field="inhabitants" label="Inwoners" numeric />
            <SortableHeader list={list} field="costCents" label="Kosten (incl. btw)" numeric />
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {data.items.map((r) => (
            <tr key={r.code} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell" data-label="Gemeente">
                {r.name}
              </th>
              <td className={`${cell} overview-table__code`} data-label="Code">
                {r.code}
              </td>
              <td className={cell} data-label="Provincie">
                {r.provinceName}
              </td>
              <td className={cell} data-label="Status">
                <ComplianceBadge status={r.status} />
              </td>
              <td className={cell} data-label="Contract">
                {r.contracts.length
                  ? `${r.contracts.join(', ')}${r.providers.length ? ` (${r.providers.join(', ')})` : ''}`
                  : 'geen contract'}
              </td>
              <td className={cell} data-label="Financiering">
                {r.fundingModels.length ? r.fundingModels.map((m) => labelOf(FUNDING_MODEL, m)).join(', ') : UNKNOWN}
              </td>
              <td className={numeric} data-label="Inwoners">
                {count(r.inhabitants)}
              </td>
              <td className={numeric} data-label="Kosten">
                {euroCents(r.costCents)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
