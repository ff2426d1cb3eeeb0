import { FormEvent, useState } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert, Button, DataList, ErrorAlert, Loaded, PageHeading, SortableTable, useLoad } from '../components/ui';
import { Choice, PeriodFields, TextField } from '../components/fields';
import { channelLabel, count, currentYear, dateLong } from '../format';
import { hasRole, useMe } from '../session';

/** The channel kinds a provider reports on (the API's order). */
const CHANNELS = (['PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS'] as const).map((kind) => ({
  kind,
  label: channelLabel(kind),
}));
type ChannelKind = (typeof CHANNELS)[number]['kind'];

interface ChannelCount {
  kind: ChannelKind;
  conversations: number;
  answered: number | null;
}

interface ServiceStatistic {
  id: string;
  periodStart: string;
  periodEnd: string;
  channels: ChannelCount[];
  totalConversations: number;
  topics: Array<{ topic: string; share: string }>;
  source: string | null;
}

interface ProviderStatistics {
  providerName: string;
  periods: ServiceStatistic[];
  yearlyTotals: Array<{ year: number; channels: ChannelCount[]; totalConversations: number }>;
}

const conversationsOf = (channels: ChannelCount[], kind: ChannelKind) =>
  channels.find((channel) => channel.kind === kind)?.conversations;

export function StatisticsPage() {
  const me = useMe();
  const providerId = me.organisation.id;
  const state = useLoad(() => api<ProviderStatistics>(`/providers/${providerId}/statistics`), [providerId]);
  return (
    <>
      <PageHeading>Dienstcijfers</PageHeading>
      <p className="utrecht-paragraph">
        Landelijke cijfers over de gesprekken per kanaal. Ze gaan nooit over één gemeente: de hulp is anoniem. Gemeenten
        zien ze als context in hun raadsrapportage.
      </p>
      <Loaded state={state}>
        {(stats) => (
          <>
            <SortableTable
              caption={`Gesprekken per jaar, ${stats.providerName}`}
              rowKey={(row) => String(row.year)}
              initialSort={{ key: 'year', direction: 'descending' }}
              rows={stats.yearlyTotals}
              columns={[
                { key: 'year', header: 'Jaar', cell: (row) => row.year, sortValue: (row) => row.year },
                ...CHANNELS.filter((channel) =>
                  stats.yearlyTotals.some((year) => conversationsOf(year.channels, channel.kind) !== undefined),
                ).map((channel) => ({
                  key: channel.kind,
                  header: channel.label,
                  numeric: true,
                  cell: (row: ProviderStatistics['yearlyTotals'][number]) =>
                    count(conversationsOf(row.channels, channel.kind) ?? 0),
                  sortValue: (row: ProviderStatistics['yearlyTotals'][number]) =>
                    conversationsOf(row.channels, channel.kind) ?? 0,
                })),
                {
                  key: 'total',
                  header: 'Totaal',
                  numeric: true,
                  cell: (row) => count(row.totalConversations),
                  sortValue: (row) => row.totalConversations,
                },
              ]}
            />
            <h2 className="utrecht-heading-2">Vastgelegde perioden</h2>
            {stats.periods.length === 0 ? (
              <p className="utrecht-paragraph">Er zijn nog geen cijfers vastgelegd.</p>
            ) : null}
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
                        `${count(channel.conversations)} gesprekken${channel.answered === null ? '' : `, ${count(channel.answered)} beantwoord`}`,
                      ]),
                      ['Totaal', `${count(period.totalConversations)} gesprekken`],
                      ...(period.source ? [['Bron', period.source] as [string, string]] : []),
                    ]}
                  />
                </section>
              ))}
            </div>
            {hasRole(me, 'PROVIDER_ADMIN') ? (
              <RecordStatistics providerId={providerId} onRecorded={state.reload} />
            ) : null}
          </>
        )}
      </Loaded>
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

function RecordStatistics({ providerId, onRecorded }: { providerId: string; onRecorded: () => void }) {
  const [whole, setWhole] = useState(true);
  const [year, setYear] = useState(String(currentYear() - 1));
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [source, setSource] = useState('');
  const [figures, setFigures] = useState<Record<string, { conversations: string; answered: string }>>({});
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

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
    setBusy(true);
    try {
      const recorded = await api<ServiceStatistic>(`/providers/${providerId}/statistics`, {
        method: 'POST',
        body: {
          ...(whole ? { year: Number(year) } : { periodStart, periodEnd }),
          channels,
          ...(source.trim() ? { source: source.trim() } : {}),
        },
      });
      setSaved(
        `De cijfers over ${dateLong(recorded.periodStart)} t/m ${dateLong(recorded.periodEnd)} zijn vastgelegd: ${count(recorded.totalConversations)} gesprekken.`,
      );
      setFigures({});
      setSource('');
      onRecorded();
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
    } finally {
      setBusy(false);
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
