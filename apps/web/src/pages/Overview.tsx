import { api } from '../api/client';
import { ExportLinks } from '../components/ExportLinks';
import { SelectField, useSearchFilters } from '../components/fields';
import {
  BY_NAME,
  Column,
  COMPLIANCE_LABELS,
  ComplianceBadge,
  Loaded,
  PageHeading,
  Section,
  SortableTable,
  useLoad,
} from '../components/ui';
import { count, currentYear, euroCents, yearOptions } from '../format';
import { useMe } from '../session';
import { FUNDING_MODEL, labelOf } from './contracts/labels';
import { Overview, OverviewRow, perProvince, ProvinceSummary, STATUSES } from './overview/types';

const municipalityColumns: Column<OverviewRow>[] = [
  { key: 'name', header: 'Gemeente', cell: (r) => r.name, sortValue: (r) => r.name },
  { key: 'code', header: 'Code', cell: (r) => r.code, sortValue: (r) => r.code },
  { key: 'province', header: 'Provincie', cell: (r) => r.provinceName, sortValue: (r) => r.provinceName },
  {
    key: 'status',
    header: 'Status',
    cell: (r) => <ComplianceBadge status={r.status} />,
    sortValue: (r) => STATUSES.indexOf(r.status as (typeof STATUSES)[number]),
  },
  {
    key: 'contract',
    header: 'Contract',
    cell: (r) =>
      r.contracts.length
        ? `${r.contracts.join(', ')}${r.providers.length ? ` (${r.providers.join(', ')})` : ''}`
        : 'geen contract',
    sortValue: (r) => r.contracts.join(' '),
  },
  {
    key: 'funding',
    header: 'Financiering',
    cell: (r) => (r.fundingModels.length ? r.fundingModels.map((m) => labelOf(FUNDING_MODEL, m)).join(', ') : '–'),
    sortValue: (r) => r.fundingModels.join(' '),
  },
  {
    key: 'inhabitants',
    header: 'Inwoners',
    cell: (r) => count(r.inhabitants),
    sortValue: (r) => r.inhabitants ?? -1,
    numeric: true,
  },
  {
    key: 'cost',
    header: 'Kosten (incl. btw)',
    cell: (r) => euroCents(r.costCents),
    sortValue: (r) => r.costCents ?? -1,
    numeric: true,
  },
];

const provinceColumns: Column<ProvinceSummary>[] = [
  { key: 'name', header: 'Provincie', cell: (p) => p.name, sortValue: (p) => p.name },
  {
    key: 'municipalities',
    header: 'Gemeenten',
    cell: (p) => count(p.municipalities),
    sortValue: (p) => p.municipalities,
    numeric: true,
  },
  ...STATUSES.map((status) => ({
    key: status,
    header: COMPLIANCE_LABELS[status].label,
    cell: (p: ProvinceSummary) => count(p[status]),
    sortValue: (p: ProvinceSummary) => p[status],
    numeric: true,
  })),
  {
    key: 'inhabitants',
    header: 'Inwoners',
    cell: (p) => count(p.inhabitants),
    sortValue: (p) => p.inhabitants,
    numeric: true,
  },
  {
    key: 'cost',
    header: 'Kosten (incl. btw)',
    cell: (p) => euroCents(p.costCents),
    sortValue: (p) => p.costCents,
    numeric: true,
  },
];

export function OverviewPage() {
  const me = useMe();
  const provider = me.organisation.kind === 'PROVIDER';
  const [params, set] = useSearchFilters();
  const year = Number(params.get('jaar')) || currentYear();
  const status = params.get('status') ?? '';
  const province = params.get('provincie') ?? '';

  // One answer for the year: the province breakdown, the counts and the filtered table are all
  // derived from it (the API's own filters narrow the same rows; only the CSV asks it to).
  const whole = useLoad(() => api<Overview>('/compliance/overview', { query: { year } }), [year]);
  const title = provider ? 'Gemeenten' : 'Landelijk overzicht';
  const provinces =
    whole.status === 'ready' ? perProvince(whole.data.rows).sort((a, b) => a.name.localeCompare(b.name, 'nl')) : [];
  const provinceName = provinces.find((p) => p.code === province)?.name;
  const where = province ? `in ${provinceName ?? province}` : provider ? 'die u bedient' : 'in Nederland';

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="utrecht-paragraph">
        {provider
          ? 'Hoe de gemeenten die uw organisatie bedient aan de plicht voldoen: een luisterend oor op elk moment van de dag (Wmo 2015, art. 2.2.4 lid 1 onder b).'
          : 'Hoe alle gemeenten aan de plicht voldoen: een luisterend oor op elk moment van de dag (Wmo 2015, art. 2.2.4 lid 1 onder b), met het contract dat hen dekt en wat het kost.'}
      </p>

      <form
        className="filters"
        role="search"
        aria-label="Overzicht filteren"
        onSubmit={(event) => event.preventDefault()}
      >
        <SelectField label="Jaar" value={year} onChange={(value) => set('jaar', value)} options={yearOptions(1)} />
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => set('status', value)}
          placeholder="Alle statussen"
          options={STATUSES.map((s) => [s, COMPLIANCE_LABELS[s].label] as const)}
        />
        <SelectField
          label="Provincie"
          value={province}
          onChange={(value) => set('provincie', value)}
          disabled={whole.status !== 'ready'}
          placeholder="Alle provincies"
          options={provinces.map((p) => [p.code, p.name] as const)}
        />
      </form>

      <Loaded state={whole} label="Overzicht wordt geladen…">
        {(overview) => {
          const inProvince = province ? overview.rows.filter((row) => row.provinceCode === province) : overview.rows;
          const counts = {
            ...Object.fromEntries(STATUSES.map((s) => [s, inProvince.filter((row) => row.status === s).length])),
            total: inProvince.length,
          } as Overview['counts'];
          const data = {
            year: overview.year,
            counts,
            rows: status ? inProvince.filter((row) => row.status === status) : inProvince,
          };
          return (
            <>
              <Section id="stand-kop" title={`Stand ${data.year} ${where}`}>
                <ul className="cards status-cards" aria-label={`Aantal gemeenten per status, ${data.year}`}>
                  {STATUSES.map((s) => (
                    <li key={s} className="card status-card">
                      <ComplianceBadge status={s} />
                      <span className="status-card__number">{count(data.counts[s])}</span>
                      <span className="status-card__of">van {count(data.counts.total)} gemeenten</span>
                    </li>
                  ))}
                </ul>
              </Section>

              <Section id="provincies-kop" title="Per provincie">
                <SortableTable
                  caption={`Gemeenten per provincie, ${overview.year}`}
                  columns={provinceColumns}
                  rows={perProvince(overview.rows)}
                  rowKey={(p) => p.code}
                  initialSort={BY_NAME}
                  frame="wide-table"
                  empty="Er zijn geen gemeenten in dit overzicht."
                />
              </Section>

              <Section id="gemeenten-kop" title="Gemeenten">
                <div className="table-toolbar">
                  <p className="utrecht-paragraph" role="status">
                    {data.rows.length === 1 ? '1 gemeente' : `${count(data.rows.length)} gemeenten`}
                    {status ? ` met status ${COMPLIANCE_LABELS[status]?.label.toLowerCase() ?? status}` : ''} {where}.
                  </p>
                  <ExportLinks
                    path="/compliance/overview/export"
                    query={{ year, status, province }}
                    fallbackName={`naleving-${year}`}
                  />
                </div>
                <SortableTable
                  caption={`Gemeenten ${data.year}`}
                  columns={municipalityColumns}
                  rows={data.rows}
                  rowKey={(r) => r.code}
                  initialSort={BY_NAME}
                  frame="wide-table"
                  empty="Geen gemeenten met deze keuze. Kies een andere status of provincie."
                />
              </Section>
            </>
          );
        }}
      </Loaded>
    </>
  );
}
