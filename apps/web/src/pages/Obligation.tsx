import { useId, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import {
  Alert,
  Button,
  ComplianceBadge,
  DataList,
  ErrorAlert,
  Loaded,
  PageHeading,
  useDownload,
  useLoad,
} from '../components/ui';
import { SelectField } from '../components/fields';
import { channelLabel, count, currentYear, dateLong, dateTime, euroCents, yearOptions } from '../format';
import { useMe } from '../session';
import { CONTRACT_KIND, labelOf, tariff } from './contracts/labels';
import { daysInclusive, DutyObligation, Obligations, scheduleText, weeklyGapTexts } from './municipality/obligations';
import { YearTimeline } from './municipality/YearTimeline';

/** Onze verplichting: does the municipality meet its duties in a year, how, and at what cost. */
export function ObligationPage() {
  const me = useMe();
  const code = me.organisation.municipalityCode;
  const [year, setYear] = useState(currentYear());
  const pdf = useDownload();
  const state = useLoad(
    () => (code ? api<Obligations>(`/municipalities/${code}/obligations`, { query: { year } }) : Promise.resolve(null)),
    [code, year],
  );

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
      {state.status === 'error' && state.error instanceof ApiError && state.error.status === 422 ? (
        <Alert type="info">
          Over {year} is er geen oordeel: de gemeente bestond toen nog niet of niet meer, of de plicht gold toen nog
          niet.
        </Alert>
      ) : (
        <Loaded state={state} label="De naleving wordt berekend…">
          {(data) =>
            data ? (
              <>
                {data.duties.length > 1 ? (
                  <p className="utrecht-paragraph">
                    Gemeente {data.municipality.name} heeft in {year} {data.duties.length} plichten. Samen:{' '}
                    <ComplianceBadge status={data.status} />
                  </p>
                ) : null}
                {[...data.duties]
                  .sort((a, b) => (a.duty.code.startsWith('WMO') ? -1 : 0) - (b.duty.code.startsWith('WMO') ? -1 : 0))
                  .map((duty) => (
                    <DutySection key={duty.duty.code} duty={duty} name={data.municipality.name} year={year} />
                  ))}
              </>
            ) : null
          }
        </Loaded>
      )}
    </>
  );
}

function periodWords(duty: DutyObligation, year: number): string {
  const whole = duty.period.from === `${year}-01-01` && duty.period.to === `${year}-12-31`;
  return whole ? `in ${year}` : `van ${dateLong(duty.period.from)} t/m ${dateLong(duty.period.to)}`;
}

/** The status as one sentence, with the reasons when it is not met. */
function statusSentence(duty: DutyObligation, name: string, year: number): { sentence: string; reasons: string[] } {
  const plicht = `de plicht „${duty.duty.name}” (${duty.duty.legalBasis})`;
  const reasons: string[] = [];
  const gapDays = duty.gaps.days.reduce((sum, gap) => sum + gap.days, 0);
  if (gapDays > 0)
    reasons.push(
      `Op ${count(gapDays)} ${gapDays === 1 ? 'dag' : 'dagen'} is er geen contract: ${duty.gaps.days.map((gap) => `${dateLong(gap.from)} t/m ${dateLong(gap.to)}`).join('; ')}.`,
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
      return { sentence: `Gemeente ${name} voldoet ${periodWords(duty, year)} aan ${plicht}.`, reasons };
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
        sentence: `Gemeente ${name} voldoet ${periodWords(duty, year)} niet aan ${plicht}.`,
        reasons: reasons.length ? reasons : [duty.explanation],
      };
  }
}

function DutySection({ duty, name, year }: { duty: DutyObligation; name: string; year: number }) {
  const id = useId();
  const { sentence, reasons } = statusSentence(duty, name, year);
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
        <p className="utrecht-paragraph">Er is {periodWords(duty, year)} geen contract dat deze plicht dekt.</p>
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
            [
              `Kosten ${duty.cost.year}`,
              duty.cost.totalCents === null
                ? 'Nog niet bekend'
                : `${euroCents(duty.cost.totalCents)}${duty.cost.vatCents ? ` (waarvan btw ${euroCents(duty.cost.vatCents)})` : ' (geen btw)'}`,
            ],
            [
              'Berekening',
              duty.cost.lines.length ? (
                <ul className="utrecht-unordered-list duty__cost-lines">
                  {duty.cost.lines.map((line) => (
                    <li key={`${line.contractReference}-${line.from}`} className="utrecht-unordered-list__item">
                      {count(line.inhabitants)} inwoners (CBS, peildatum {dateLong(line.referenceDate)}) ×{' '}
                      {tariff(line.perInhabitant)} per inwoner
                      {line.days !== daysInclusive(`${duty.cost.year}-01-01`, `${duty.cost.year}-12-31`)
                        ? `, ${count(line.days)} dagen (${dateLong(line.from)} t/m ${dateLong(line.to)})`
                        : ''}{' '}
                      = {euroCents(line.amountCents + line.vatCents)} ({line.contractReference})
                    </li>
                  ))}
                </ul>
              ) : (
                'Geen kosten'
              ),
            ],
            ['Hoe betaald', routes.length ? routes.join('; ') : '–'],
            ...(duty.cost.note ? ([['Let op', duty.cost.note]] as Array<[string, string]>) : []),
          ]}
        />
      </div>
    </section>
  );
}
