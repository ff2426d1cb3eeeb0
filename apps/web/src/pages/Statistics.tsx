import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { $api } from '../api/client';
import type { components } from '../api/schema';
import { ApiError } from '../api/errors';
import { Alert, Button, DataList, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { Choice, PeriodFields, TextField } from '../components/fields';
import { channelLabel, count, currentYear, dateLong, plural } from '../format';
import { hasRole, useMe } from '../session';
import { YearChart } from './statistics/YearChart';

/** The channel kinds a provider reports on (the API's order). */
const CHANNELS = (['PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS'] as const).map((kind) => ({
  kind,
  label: channelLabel(kind),
}));
type ChannelKind = (typeof CHANNELS)[number]['kind'];
type ProviderStatistics = components['schemas']['ProviderStatisticsDto'];
type ChannelCount = ProviderStatistics['yearlyTotals'][number]['channels'][number];

/** A channel's conversations in a year, or undefined when the provider reported none for it (unknown, not 0). */
const conversationsOf = (channels: readonly ChannelCount[], kind: ChannelKind) =>
  channels.find((channel) => channel.kind === kind)?.conversations;

export function StatisticsPage() {
  const me = useMe();
  const providerId = me.organisation.id;
  const stats = $api.useQuery('get', '/api/v1/providers/{id}/statistics', { params: { path: { id: providerId } } });
  return (
    <>
      <PageHeading>Dienstcijfers</PageHeading>
      <p className="utrecht-paragraph">
        Landelijke cijfers over de gesprekken per kanaal. Ze gaan nooit over één gemeente: de hulp is anoniem. Gemeenten
        zien ze als context in hun raadsrapportage.
      </p>
      {stats.isPending ? <Loading /> : null}
      {stats.error ? <ErrorAlert error={stats.error} /> : null}
      {stats.data ? <Figures stats={stats.data} /> : null}
      {stats.data && hasRole(me, 'PROVIDER_ADMIN') ? <RecordStatistics providerId={providerId} /> : null}
    </>
  );
}

function Figures({ stats }: { stats: ProviderStatistics }) {
  const years = [...stats.yearlyTotals].sort((a, b) => a.year - b.year);
  const channels = CHANNELS.filter((channel) =>
    years.some((year) => conversationsOf(year.channels, channel.kind) !== undefined),
  );
  if (years.length === 0) return <p className="utrecht-paragraph">Er zijn nog geen cijfers vastgelegd.</p>;
  return (
    <>
      <YearChart years={years} title={`Gesprekken per jaar, ${stats.providerName}`} />
      <p className="utrecht-paragraph">
        Alleen jaren met cijfers staan erin; over de andere jaren zijn geen cijfers vastgelegd (niet: nul gesprekken).
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="jaren-caption">
        <table className="utrecht-table portal-table portal-table--cards">
          <caption id="jaren-caption" className="utrecht-table__caption">
            Gesprekken per jaar en kanaal, {stats.providerName}
          </caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Jaar
              </th>
              {channels.map((channel) => (
                <th
                  key={channel.kind}
                  scope="col"
                  className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                >
                  {channel.label}
                </th>
              ))}
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                Totaal
              </th>
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((year) => (
              <tr key={year.year} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {year.year}
                </th>
                {channels.map((channel) => (
                  <td
                    key={channel.kind}
                    className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data"
                    data-label={channel.label}
                  >
                    {count(conversationsOf(year.channels, channel.kind))}
                  </td>
                ))}
                <td
                  className="utrecht-table__cell utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data"
                  data-label="Totaal"
                >
                  {count(year.totalConversations)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 className="utrecht-heading-2">Vastgelegde perioden</h2>
      <div className="cards">
        {stats.periods.map((period) => (
          <section
            key={period.id}
            className="card"
            aria-label={`${dateLong(period.periodStart)} tot en met ${dateLong(period.periodEnd)}`}
          >
            <h3 className="utrecht-heading-3">
              {dateLong(period.periodStart)} t/m {dateLong(period.periodEnd)}
            </h3>
            <DataList
              items={[
                ...period.channels.map((channel): [string, string] => [
                  channelLabel(channel.kind),
                  `${plural(channel.conversations, 'gesprek', 'gesprekken')}${channel.answered === null ? '' : `, ${count(channel.answered)} beantwoord`}`,
                ]),
                ['Totaal', plural(period.totalConversations, 'gesprek', 'gesprekken')],
                ...(period.source ? [['Bron', period.source] as [string, string]] : []),
              ]}
            />
          </section>
        ))}
      </div>
    </>
  );
}

type Errors = Record<string, string>;

const DUTCH_FIELD_ERRORS: Record<string, string> = {
  year: 'Vul een jaar in, bijvoorbeeld 2024.',
  periodStart: 'Vul een geldige begindatum in.',
  periodEnd: 'Vul een geldige einddatum in, in hetzelfde kalenderjaar als de begindatum.',
  source: 'De bron moet tussen 2 en 300 tekens lang zijn.',
};

function RecordStatistics({ providerId }: { providerId: string }) {
  const queryClient = useQueryClient();
  const record = $api.useMutation('post', '/api/v1/providers/{id}/statistics');
  const [whole, setWhole] = useState(true);
  const [year, setYear] = useState(String(currentYear() - 1));
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [source, setSource] = useState('');
  const [figures, setFigures] = useState<Record<string, { conversations: string; answered: string }>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const busy = record.isPending;

  const setFigure = (kind: string, key: 'conversations' | 'answered', value: string) =>
    setFigures((previous) => ({
      ...previous,
      [kind]: { ...(previous[kind] ?? { conversations: '', answered: '' }), [key]: value },
    }));

  function validate(): Errors {
    const found: Errors = {};
    if (whole && !/^\d{4}$/.test(year.trim())) found.year = DUTCH_FIELD_ERRORS.year;
    if (!whole) {
      if (!periodStart) found.periodStart = 'Vul de begindatum in.';
      if (!periodEnd) found.periodEnd = 'Vul de einddatum in.';
      if (periodStart && periodEnd && (periodStart.slice(0, 4) !== periodEnd.slice(0, 4) || periodEnd < periodStart))
        found.periodEnd = DUTCH_FIELD_ERRORS.periodEnd;
    }
    let any = false;
    for (const channel of CHANNELS) {
      const entry = figures[channel.kind];
      const conversations = entry?.conversations.trim() ?? '';
      const answered = entry?.answered.trim() ?? '';
      if (conversations) {
        any = true;
        if (!/^\d+$/.test(conversations))
          found[`${channel.kind}.conversations`] = 'Vul een heel getal in (0 of meer), zonder punten.';
      }
      if (answered) {
        if (!conversations) found[`${channel.kind}.answered`] = 'Vul eerst het aantal gesprekken in.';
        else if (!/^\d+$/.test(answered))
          found[`${channel.kind}.answered`] = 'Vul een heel getal in (0 of meer), zonder punten.';
        else if (Number(answered) > Number(conversations))
          found[`${channel.kind}.answered`] = 'Er kunnen niet meer gesprekken beantwoord zijn dan er gevoerd zijn.';
      }
    }
    if (!any) found.channels = 'Vul voor ten minste één kanaal het aantal gesprekken in.';
    if (source.trim().length === 1) found.source = DUTCH_FIELD_ERRORS.source;
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length) return;
    const channels = CHANNELS.filter((channel) => figures[channel.kind]?.conversations.trim()).map((channel) => ({
      kind: channel.kind,
      conversations: Number(figures[channel.kind].conversations),
      ...(figures[channel.kind].answered.trim() ? { answered: Number(figures[channel.kind].answered) } : {}),
    }));
    try {
      const recorded = await record.mutateAsync({
        params: { path: { id: providerId } },
        body: {
          ...(whole ? { year: Number(year) } : { periodStart, periodEnd }),
          channels,
          ...(source.trim() ? { source: source.trim() } : {}),
        },
      });
      setSaved(
        `De cijfers over ${dateLong(recorded.periodStart)} t/m ${dateLong(recorded.periodEnd)} zijn vastgelegd: ${plural(recorded.totalConversations, 'gesprek', 'gesprekken')}.`,
      );
      setFigures({});
      setSource('');
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/providers/{id}/statistics'] });
    } catch (error) {
      if (error instanceof ApiError && error.fieldErrors.length) {
        const mapped: Errors = {};
        for (const problem of error.fieldErrors) {
          const channel = /^channels\.(\d+)\.(conversations|answered)$/.exec(problem.field);
          if (channel) mapped[`${channels[Number(channel[1])]?.kind}.${channel[2]}`] = 'Controleer dit aantal.';
          else
            mapped[problem.field in DUTCH_FIELD_ERRORS ? problem.field : 'channels'] =
              DUTCH_FIELD_ERRORS[problem.field] ?? 'Controleer de ingevulde aantallen.';
        }
        setErrors(mapped);
      }
      setFailure(error);
    }
  }

  const errorCount = Object.keys(errors).length;
  return (
    <section aria-labelledby="cijfers-vastleggen">
      <h2 className="utrecht-heading-2" id="cijfers-vastleggen">
        Cijfers vastleggen
      </h2>
      {saved ? <Alert type="ok">{saved}</Alert> : null}
      {errorCount ? (
        <Alert type="error">
          {errorCount === 1
            ? 'Eén veld is nog niet goed ingevuld.'
            : `${errorCount} velden zijn nog niet goed ingevuld.`}{' '}
          Zie de meldingen bij de velden.
        </Alert>
      ) : failure ? (
        <ErrorAlert error={failure} />
      ) : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Periode</legend>
          <div className="choice-field">
            <Choice type="radio" className="choice" name="periode" checked={whole} onChange={() => setWhole(true)}>
              Een heel kalenderjaar
            </Choice>
          </div>
          <div className="choice-field">
            <Choice type="radio" className="choice" name="periode" checked={!whole} onChange={() => setWhole(false)}>
              Een deel van een jaar
            </Choice>
          </div>
          {whole ? (
            <TextField
              label="Jaar"
              error={errors.year}
              className="input-year"
              inputMode="numeric"
              value={year}
              onChange={setYear}
            />
          ) : (
            <PeriodFields
              from={{ label: 'Van', error: errors.periodStart, value: periodStart, onChange: setPeriodStart }}
              to={{ label: 'Tot en met', error: errors.periodEnd, value: periodEnd, onChange: setPeriodEnd }}
            />
          )}
        </fieldset>
        <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
            Gesprekken per kanaal
          </legend>
          <p className="utrecht-paragraph">
            Laat een kanaal leeg als het in de periode niet gebruikt werd. &lsquo;Beantwoord&rsquo; is optioneel.
          </p>
          {errors.channels ? (
            <p className="utrecht-form-field-error-message" role="alert">
              <span aria-hidden="true">✕ </span>
              {errors.channels}
            </p>
          ) : null}
          {CHANNELS.map((channel) => (
            <div className="form-row" key={channel.kind}>
              {(['conversations', 'answered'] as const).map((key) => (
                <TextField
                  key={key}
                  label={`${channel.label}: ${key === 'conversations' ? 'gesprekken' : 'beantwoord'}`}
                  error={errors[`${channel.kind}.${key}`]}
                  className="input-count"
                  inputMode="numeric"
                  value={figures[channel.kind]?.[key] ?? ''}
                  onChange={(value) => setFigure(channel.kind, key, value)}
                />
              ))}
            </div>
          ))}
        </fieldset>
        <TextField
          label="Bron (optioneel)"
          description="Bijvoorbeeld het jaarverslag of de factsheet waar de cijfers uit komen."
          error={errors.source}
          value={source}
          onChange={setSource}
        />
        <div>
          <Button type="submit" busy={busy}>
            Cijfers vastleggen
          </Button>
        </div>
      </form>
    </section>
  );
}
