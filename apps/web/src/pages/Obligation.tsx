import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { $api } from '../api/client';
import { ApiError } from '../api/errors';
import {
  Alert,
  Button,
  ComplianceBadge,
  DataList,
  ErrorAlert,
  Loading,
  PageHeading,
  useDownload,
} from '../components/ui';
import { SelectField } from '../components/fields';
import {
  channelLabel,
  count,
  currentYear,
  dateLong,
  dateTime,
  euroCents,
  plural,
  UNKNOWN,
  yearOptions,
} from '../format';
import { useMe } from '../session';
import { CONTRACT_KIND, labelOf, tariff } from './contracts/labels';
import { daysInclusive, DutyObligation, Obligations, scheduleText, weeklyGapTexts } from './municipality/obligations';
import { YearTimeline } from './municipality/YearTimeline';

/** Onze verplichting: does the municipality meet its duties in a year, how, and at what cost. */
export function ObligationPage() {
  const me = useMe();
  const code = me.organisation.municipalityCode;
  // The year in the address (?jaar=2025), so that a year can be linked to and back works.
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('jaar')) || currentYear();
  const setYear = (value: number) =>
    setSearch(value === currentYear() ? new URLSearchParams() : new URLSearchParams({ jaar: String(value) }));
  const pdf = useDownload();
  const state = $api.useQuery(
    'get',
    '/api/v1/municipalities/{code}/obligations',
    { params: { path: { code: code ?? '' }, query: { year } } },
    { enabled: Boolean(code) },
  );
  const data = state.data;

  if (!code) {
    return (
      <>
        <PageHeading>Onze verplichting</PageHeading>
        <Alert type="info">
          Deze pagina is voor gemeenten. Uw organisatie is geen gemeente; kies een onderdeel in het menu.
        </Alert>
      </>
    );
  }

  const report = () =>
    pdf.start(`/municipalities/${code}/compliance-report`, {
      query: { year, format: 'pdf' },
      accept: 'application/pdf',
      fallbackName: `verantwoording-${code}-${year}.pdf`,
    });

  return (
    <>
      <PageHeading>Onze verplichting</PageHeading>
      <p className="utrecht-paragraph">
        Iedere gemeente moet ervoor zorgen dat inwoners op ieder moment van de dag anoniem een luisterend oor en advies
        kunnen krijgen, telefonisch of elektronisch (Wmo 2015, artikel 2.2.4). Hier ziet u of {me.organisation.name}{' '}
        daaraan voldoet, met welk contract, en wat het kost.
      </p>
      <div className="obligation-toolbar">
        <SelectField label="Jaar" value={year} onChange={(value) => setYear(Number(value))} options={yearOptions(1)} />
        <Button variant="secondary" busy={pdf.busy} onClick={() => void report()}>
          Download raadsrapportage (PDF)
        </Button>
      </div>
      {pdf.busy ? (
        <p role="status" className="utrecht-paragraph">
          De raadsrapportage over {year} wordt gemaakt…
        </p>
      ) : null}
      {pdf.error ? <ErrorAlert error={pdf.error} /> : null}
      {state.error instanceof ApiError && state.error.status === 422 ? (
        <Alert type="info">
          Over {year} is er geen oordeel: de gemeente bestond toen nog niet of niet meer, of de plicht gold toen nog
          niet.
        </Alert>
      ) : state.error ? (
        <ErrorAlert error={state.error} />
      ) : !data ? (
        <Loading label="De naleving wordt berekend…" />
      ) : (
        <>
          {runningUntil(data, year) ? (
            <p className="utrecht-paragraph">
              {year} is nog niet voorbij: het oordeel en de raadsrapportage gaan over {dateLong(`${year}-01-01`)} t/m{' '}
              {dateLong(data.asOf)} (vandaag).
            </p>
          ) : null}
          {data.duties.length > 1 ? (
            <p className="utrecht-paragraph">
              Gemeente {data.municipality.name} heeft in {year} {plural(data.duties.length, 'plicht', 'plichten')}.
              Samen: <ComplianceBadge status={data.status} />
            </p>
          ) : null}
          {[...data.duties]
            .sort((a, b) => (a.duty.code.startsWith('WMO') ? -1 : 0) - (b.duty.code.startsWith('WMO') ? -1 : 0))
            .map((duty) => (
              <DutySection
                key={duty.duty.code}
                duty={duty}
                name={data.municipality.name}
                year={year}
                until={runningUntil(data, year)}
              />
            ))}
        </>
      )}
    </>
  );
}

/** While the year runs, the day it is judged up to (today, as the API counts it); null for a past or future year. */
function runningUntil(data: Obligations, year: number): string | null {
  return year === currentYear() && data.asOf < data.period.to ? data.asOf : null;
}

/** "in 2025"; while the year runs "van 1 januari 2026 t/m 3 december 2026 (vandaag)", never the days still to come. */
function periodWords(duty: DutyObligation, year: number, until: string | null): string {
  if (until && duty.period.from < until && until < duty.period.to)
    return `van ${dateLong(duty.period.from)} t/m ${dateLong(until)} (vandaag)`;
  const whole = duty.period.from === `${year}-01-01` && duty.period.to === `${year}-12-31`;
  return whole ? `in ${year}` : `van ${dateLong(duty.period.from)} t/m ${dateLong(duty.period.to)}`;
}

/** The status as one sentence, with the reasons when it is not met. */
function statusSentence(
  duty: DutyObligation,
  name: string,
  year: number,
  until: string | null,
): { sentence: string; reasons: string[] } {
  const plicht = `de plicht „${duty.duty.name}” (${duty.duty.legalBasis})`;
  const reasons: string[] = [];
  const gapDays = duty.gaps.days.reduce((sum, gap) => sum + gap.days, 0);
  if (gapDays > 0)
    reasons.push(
      `Op ${plural(gapDays, 'dag', 'dagen')} is er geen contract: ${duty.gaps.days.map((gap) => `${dateLong(gap.from)} t/m ${dateLong(gap.to)}`).join('; ')}.`,
    );
  const weekly = weeklyGapTexts(duty.gaps.weekly, duty.period);
  if (weekly.length)
    reasons.push(
      `Niet op elk moment van de week is een kanaal bereikbaar dat meetelt: ${weekly.map((gap) => gap.text).join('; ')}.`,
    );
  if (duty.gaps.dated.length)
    reasons.push(
      `Door sluitingen was er ${duty.gaps.dated.length === 1 ? 'één keer' : `${duty.gaps.dated.length} keer`} geen kanaal bereikbaar dat meetelt.`,
    );
  switch (duty.status) {
    case 'COMPLIANT':
      return { sentence: `Gemeente ${name} voldoet ${periodWords(duty, year, until)} aan ${plicht}.`, reasons };
    case 'AT_RISK':
      return {
        sentence:
          `Gemeente ${name} voldoet nu aan ${plicht}, maar loopt risico: ` +
          (duty.coveredUntil
            ? `het contract loopt tot en met ${dateLong(duty.coveredUntil)}`
            : 'het contract loopt binnenkort af') +
          (duty.uncoveredFrom
            ? ` en vanaf ${dateLong(duty.uncoveredFrom)} is er nog geen opvolger.`
            : ' en er is nog geen opvolger.'),
        reasons,
      };
    default:
      return {
        sentence: `Gemeente ${name} voldoet ${periodWords(duty, year, until)} niet aan ${plicht}.`,
        reasons: reasons.length ? reasons : [duty.explanation],
      };
  }
}

function DutySection({
  duty,
  name,
  year,
  until,
}: {
  duty: DutyObligation;
  name: string;
  year: number;
  until: string | null;
}) {
  const id = useId();
  const { sentence, reasons } = statusSentence(duty, name, year, until);
  const weekly = weeklyGapTexts(duty.gaps.weekly, duty.period);
  const routes = [...new Set(duty.coverage.map((c) => c.contract.fundingRoute))];
  const services = duty.coverage.flatMap((c) =>
    c.services.map((service) => ({
      ...service,
      provider: c.contract.providerName,
      key: `${c.contract.id}-${service.id}`,
    })),
  );
  const uniqueServices = services.filter(
    (service, index) => services.findIndex((other) => other.id === service.id) === index,
  );
  return (
    <section className="duty" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="utrecht-heading-2">
        {duty.duty.name}
      </h2>
      <div className={`duty__status duty__status--${duty.status.toLowerCase()}`}>
        <p className="utrecht-paragraph duty__sentence">
          <ComplianceBadge status={duty.status} /> {sentence}
        </p>
        {reasons.length ? (
          <ul className="utrecht-unordered-list">
            {reasons.map((reason) => (
              <li key={reason} className="utrecht-unordered-list__item">
                {reason}
              </li>
            ))}
          </ul>
        ) : null}
      </div>

      <h3 className="utrecht-heading-3">Contract en aanbieder</h3>
      {duty.coverage.length === 0 ? (
        <p className="utrecht-paragraph">Er is {periodWords(duty, year, until)} geen contract dat deze plicht dekt.</p>
      ) : (
        <ul className="duty__contracts">
          {duty.coverage.map((c) => (
            <li key={`${c.contract.id}-${c.from}`} className="card">
              <p className="utrecht-paragraph">
                <strong>{c.contract.providerName}</strong> levert de dienst via contract{' '}
                <Link className="utrecht-link" to={`/contracten/${c.contract.id}`}>
                  {c.contract.reference}
                </Link>{' '}
                ({c.contract.title}).
              </p>
              <div className="key-values">
                <DataList
                  items={[
                    ['Aanbieder', c.contract.providerName],
                    ['Soort contract', labelOf(CONTRACT_KIND, c.contract.kind)],
                    ['Contractpartij', c.contract.contractingParty],
                    [`Dekking in ${year}`, `${dateLong(c.from)} t/m ${dateLong(c.to)}`],
                    ['Financiering', c.contract.fundingRoute],
                  ]}
                />
              </div>
            </li>
          ))}
        </ul>
      )}

      <h3 className="utrecht-heading-3">Kanalen en openingstijden</h3>
      {uniqueServices.length === 0 ? (
        <p className="utrecht-paragraph">Er zijn geen kanalen.</p>
      ) : (
        uniqueServices.map((service) => (
          <div key={service.key} className="duty__service">
            <p className="utrecht-paragraph">
              Dienst „{service.name}” van {service.provider}:
            </p>
            <ul className="utrecht-unordered-list duty__channels">
              {[...service.channels]
                .sort((a, b) => Number(b.counts) - Number(a.counts))
                .map((channel) => (
                  <li key={channel.kind} className="utrecht-unordered-list__item">
                    <strong>{channelLabel(channel.kind)}</strong>
                    {channel.contact ? <> ({channel.contact})</> : null}: {scheduleText(channel.schedule)}.{' '}
                    {channel.counts
                      ? 'Telt mee voor de plicht.'
                      : 'Telt niet mee voor de plicht (geen direct contact).'}
                    {channel.closures.length ? (
                      <ul className="utrecht-unordered-list">
                        {channel.closures.map((closure) => (
                          <li key={closure.start} className="utrecht-unordered-list__item">
                            Gesloten van {dateTime(closure.start)} tot {dateTime(closure.end)}: {closure.reason}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
            </ul>
          </div>
        ))
      )}

      <h3 id={`${id}-timeline`} className="utrecht-heading-3">
        Dekking over {year}
      </h3>
      <YearTimeline duty={duty} year={year} headingId={`${id}-timeline`} />

      <h3 className="utrecht-heading-3">Momenten in de week zonder bereikbaar kanaal</h3>
      {weekly.length === 0 && duty.gaps.dated.length === 0 ? (
        <p className="utrecht-paragraph">
          {duty.duty.continuousAvailability
            ? 'Geen: op elk moment van de week is er een kanaal bereikbaar dat meetelt, zoals de wet vraagt.'
            : 'Deze plicht vraagt niet om bereikbaarheid op elk moment van de dag; de openingstijden staan hierboven.'}
        </p>
      ) : (
        <ul className="utrecht-unordered-list">
          {weekly.map((gap) => (
            <li key={`${gap.text}-${gap.from}`} className="utrecht-unordered-list__item">
              Geen kanaal bereikbaar {gap.text}
              {gap.whole ? '' : ` (van ${dateLong(gap.from)} t/m ${dateLong(gap.to)})`}.
            </li>
          ))}
          {duty.gaps.dated.map((gap) => (
            <li key={gap.start} className="utrecht-unordered-list__item">
              Geen kanaal bereikbaar van {dateTime(gap.start)} tot {dateTime(gap.end)}
              {gap.reasons.length ? ` (${gap.reasons.join('; ')})` : ''}.
            </li>
          ))}
        </ul>
      )}

      <h3 className="utrecht-heading-3">Kosten en financiering</h3>
      <div className="key-values">
        <DataList
          items={[
            [`Kosten ${duty.cost.year}`, <CostStatement key="cost" cost={duty.cost} />],
            ['Hoe betaald', routes.length ? routes.join('; ') : UNKNOWN],
            ...(duty.cost.note && duty.cost.status !== 'FIGURES_MISSING'
              ? ([['Let op', duty.cost.note]] as Array<[string, string]>)
              : []),
          ]}
        />
      </div>
    </section>
  );
}

/**
 * The year's cost as one statement: the amount with how it is calculated, or why it is not known
 * yet (the CBS figures it waits for), or that there is nothing to pay. Never "not known" beside
 * "no cost".
 */
function CostStatement({ cost }: { cost: DutyObligation['cost'] }) {
  if (cost.status === 'FIGURES_MISSING')
    return (
      <p className="utrecht-paragraph">
        Nog niet bekend: de CBS-bevolkingscijfers per{' '}
        {cost.missingFigures.map((figure) => dateLong(figure.referenceDate)).join(' en ')} zijn nog niet geladen. De
        kosten volgen zodra ze er zijn.
      </p>
    );
  if (cost.status === 'NO_COST')
    return (
      <p className="utrecht-paragraph">
        Geen kosten ({euroCents(0)}): in {cost.year} is er geen dag waarop een contract deze plicht dekt.
      </p>
    );
  const fullYear = daysInclusive(`${cost.year}-01-01`, `${cost.year}-12-31`);
  return (
    <>
      <p className="utrecht-paragraph">
        {euroCents(cost.totalCents)}
        {cost.vatCents ? ` (waarvan btw ${euroCents(cost.vatCents)})` : ' (geen btw)'}, berekend als:
      </p>
      <ul className="utrecht-unordered-list duty__cost-lines">
        {cost.lines.map((line) => (
          <li key={`${line.contractReference}-${line.from}`} className="utrecht-unordered-list__item">
            {count(line.inhabitants)} inwoners (CBS, peildatum {dateLong(line.referenceDate)}) ×{' '}
            {tariff(line.perInhabitant)} per inwoner
            {line.days !== fullYear
              ? `, ${plural(line.days, 'dag', 'dagen')} (${dateLong(line.from)} t/m ${dateLong(line.to)})`
              : ''}{' '}
            = {euroCents(line.amountCents + line.vatCents)} ({line.contractReference})
          </li>
        ))}
      </ul>
    </>
  );
}
