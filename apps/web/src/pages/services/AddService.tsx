import './services.css';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { $api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { CheckAnswers, StepActions, useStep } from '../../components/check-answers';
import { Choice, SelectField, TextAreaField, TextField } from '../../components/fields';
import { Button, ErrorAlert, Loading } from '../../components/ui';
import { channelLabel } from '../../format';
import { useMe } from '../../session';
import { FormProblems, invalidateServices, ServiceConfirmation, StepHeading } from './effect';
import { CONTACT_HINTS } from './EditService';
import { ChannelHours, HoursFields, hoursFieldId, hoursInput, weekOf } from './hours-fields';
import { capitalised, DAY_NAMES, dayText, Interval, sameEveryDay, WEEKDAY_NUMBERS } from './schedule';
import { WeekTable } from './Services';

type ServiceBody = components['schemas']['CreateServiceDto'];
type Duty = components['schemas']['DutyDto'];
type Kind = ServiceBody['channels'][number]['kind'];

/** The channels a service can have, in the order people list them. */
const KINDS: Kind[] = ['PHONE', 'CHAT', 'EMAIL', 'VIDEO', 'SMS'];

interface ChannelValues {
  on: boolean;
  contact: string;
  hours: ChannelHours;
}
interface Values {
  name: string;
  description: string;
  dutyCode: string;
  channels: Record<Kind, ChannelValues>;
}

const NAME = 'dienst-naam';
const DESCRIPTION = 'dienst-beschrijving';
const DUTY = 'dienst-plicht';
const CHANNELS = 'dienst-kanalen';
const contactId = (kind: string) => `${kind}-contact`;

const initialValues = (dutyCode: string): Values => ({
  name: '',
  description: '',
  dutyCode,
  channels: Object.fromEntries(
    KINDS.map((kind) => [kind, { on: kind === 'PHONE', contact: '', hours: hoursInput([]) }]),
  ) as Values['channels'],
});

/** The body the API is asked to create, or the Dutch messages by field id. */
function serviceOf(values: Values): { body: ServiceBody; errors: Record<string, string> } {
  let errors: Record<string, string> = {};
  const name = values.name.trim();
  if (name.length < 2) errors[NAME] = 'Vul de naam van de dienst in (minstens 2 tekens).';
  else if (name.length > 200) errors[NAME] = 'De naam mag hoogstens 200 tekens lang zijn.';
  const description = values.description.trim();
  if (description.length > 2000) errors[DESCRIPTION] = 'De beschrijving mag hoogstens 2000 tekens lang zijn.';
  if (!values.dutyCode) errors[DUTY] = 'Kies de plicht waarvoor de dienst is.';
  const channels: ServiceBody['channels'] = [];
  for (const kind of KINDS) {
    const channel = values.channels[kind];
    if (!channel.on) continue;
    const contact = channel.contact.trim();
    if (contact.length > 200) errors[contactId(kind)] = 'Het contact mag hoogstens 200 tekens lang zijn.';
    const week = weekOf(kind, channel.hours);
    errors = { ...errors, ...week.errors };
    channels.push({ kind, ...(contact ? { contact } : {}), schedule: week.schedule });
  }
  if (!channels.length) errors[CHANNELS] = 'Kies minstens één kanaal waarop de dienst bereikbaar is.';
  return {
    body: { name, ...(description ? { description } : {}), dutyCode: values.dutyCode, channels },
    errors,
  };
}

/** The API's field paths (name, channels.1.schedule.0.from) as this form's fields, each with a Dutch message. */
function serverErrors(error: unknown, values: Values, body: ServiceBody): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    const channel = /^channels\.(\d+)\.(\w+)/.exec(problem.field);
    const kind = channel ? body.channels[Number(channel[1])]?.kind : undefined;
    if (problem.field.startsWith('name')) errors[NAME] ??= 'Vul de naam van de dienst in (2 tot 200 tekens).';
    else if (problem.field.startsWith('description'))
      errors[DESCRIPTION] ??= 'De beschrijving mag hoogstens 2000 tekens lang zijn.';
    else if (problem.field.startsWith('dutyCode')) errors[DUTY] ??= 'Kies een van de plichten in de lijst.';
    else if (kind && channel?.[2] === 'contact')
      errors[contactId(kind)] ??= 'Dit contact klopt niet: vul een telefoonnummer of adres in (hoogstens 200 tekens).';
    else if (kind) {
      const field = hoursFieldId(kind, values.channels[kind].hours.mode === 'same' ? undefined : 1);
      errors[field] ??= 'Deze tijden kloppen niet: vul ze in als 08:00-22:00, of laat het veld leeg voor gesloten.';
    } else errors[CHANNELS] ??= 'Kies elk kanaal hoogstens één keer, en minstens één.';
  }
  return errors;
}

/** "Elke dag: 08:00-22:00", or each day's hours. */
function weekText(schedule: Interval[]): string {
  if (sameEveryDay(schedule)) return `Elke dag: ${dayText(schedule, 1).toLowerCase()}`;
  return WEEKDAY_NUMBERS.map((day) => `${capitalised(DAY_NAMES[day])}: ${dayText(schedule, day).toLowerCase()}`).join(
    '; ',
  );
}

/** Add a service: the form, the check ("Dienst toevoegen"; nothing is created before), then the confirmation. */
export function AddServicePage() {
  const duties = $api.useQuery('get', '/api/v1/duties');
  if (duties.error) return <ErrorAlert error={duties.error} />;
  if (!duties.data) return <Loading />;
  return <AddFlow duties={duties.data} />;
}

function AddFlow({ duties }: { duties: Duty[] }) {
  const me = useMe();
  const [initial] = useState(() => initialValues(duties.length === 1 ? duties[0].code : ''));
  const step = useStep<Values>(initial);
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState<Record<string, string>>({});
  const create = $api.useMutation('post', '/api/v1/providers/{id}/services', {
    onSuccess: () => {
      invalidateServices(queryClient, false);
      step.confirm();
    },
  });
  const duty = (code: string) => duties.find((d) => d.code === code);

  if (step.current === 'done' && create.data) {
    return (
      <ServiceConfirmation
        title="Dienst toegevoegd"
        next="De dienst staat nu bij Diensten, waar u de tijden, het contact en sluitingen kunt wijzigen. Hij telt mee voor de plicht van een gemeente zodra een contract dat die gemeente dekt de dienst levert; daarvoor neemt de VNG de dienst op in het contract."
      >
        <p className="utrecht-paragraph">
          {create.data.name} is toegevoegd voor {duty(create.data.dutyCode)?.name ?? create.data.dutyCode}.
        </p>
        <WeekTable service={create.data} />
      </ServiceConfirmation>
    );
  }
  if (step.current === 'check') {
    const { body } = serviceOf(step.values);
    return (
      <>
        <StepHeading headingRef={step.headingRef}>Controleer de nieuwe dienst</StepHeading>
        <p className="utrecht-paragraph">
          Er is nog niets opgeslagen: controleer de gegevens en kies dan &lsquo;Dienst toevoegen&rsquo;.
        </p>
        <CheckAnswers
          rows={[
            { key: 'Naam', value: body.name, change: { label: 'naam', onClick: step.edit } },
            {
              key: 'Beschrijving',
              value: body.description ?? 'Geen',
              change: { label: 'beschrijving', onClick: step.edit },
            },
            {
              key: 'Plicht',
              value: duty(body.dutyCode)?.name ?? body.dutyCode,
              change: { label: 'plicht', onClick: step.edit },
            },
            ...body.channels.map((channel) => ({
              key: channelLabel(channel.kind),
              value: (
                <>
                  {channel.contact ?? 'Geen contact'}
                  <br />
                  {weekText(channel.schedule)}
                </>
              ),
              change: { label: `kanaal ${channelLabel(channel.kind).toLowerCase()}`, onClick: step.edit },
            })),
          ]}
        />
        {create.error && !Object.keys(refused).length ? <ErrorAlert error={create.error} /> : null}
        <div className="actions">
          <Button
            busy={create.isPending}
            onClick={() =>
              create.mutate(
                { params: { path: { id: me.organisation.id } }, body },
                {
                  onError: (error) => {
                    const found = serverErrors(error, step.values, body);
                    setRefused(found);
                    // Fields the API refused: back to the form, where each says why.
                    if (Object.keys(found).length) step.edit();
                  },
                },
              )
            }
          >
            Dienst toevoegen
          </Button>
          <Button variant="secondary" onClick={step.edit}>
            Terug naar het formulier
          </Button>
        </div>
      </>
    );
  }
  return (
    <ServiceForm
      duties={duties}
      initial={step.values}
      headingRef={step.headingRef}
      refused={refused}
      onSubmit={(values) => {
        setRefused({});
        step.check(values);
      }}
    />
  );
}

function ServiceForm({
  duties,
  initial,
  headingRef,
  refused,
  onSubmit,
}: {
  duties: Duty[];
  initial: Values;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  refused: Record<string, string>;
  onSubmit: (values: Values) => void;
}) {
  const [values, setValues] = useState(initial);
  const [found, setFound] = useState<Record<string, string> | null>(null);
  const errors = found ?? refused;
  const set = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));
  const setChannel = (kind: Kind, change: Partial<ChannelValues>) =>
    setValues((previous) => ({
      ...previous,
      channels: { ...previous.channels, [kind]: { ...previous.channels[kind], ...change } },
    }));
  const counting = duties.find((d) => d.code === values.dutyCode)?.countingChannels ?? [];

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems = serviceOf(values).errors;
    setFound(Object.keys(problems).length ? problems : null);
    if (!Object.keys(problems).length) onSubmit(values);
  }
  return (
    <>
      <StepHeading headingRef={headingRef}>Dienst toevoegen</StepHeading>
      <p className="utrecht-paragraph">
        Een nieuwe dienst met zijn kanalen en openingstijden. Tijden zijn Nederlandse tijd: vul per dag de tijden in als
        08:00-22:00 (meer blokken met een komma), &lsquo;Dag en nacht&rsquo; voor 24 uur, of laat het veld leeg voor
        gesloten. U controleert alles voordat de dienst wordt toegevoegd.
      </p>
      <FormProblems errors={errors} error={null} />
      <form className="form service-form" onSubmit={submit} noValidate aria-label="Nieuwe dienst">
        <TextField
          id={NAME}
          label="Naam"
          error={errors[NAME]}
          value={values.name}
          maxLength={200}
          onChange={(name) => set({ name })}
        />
        <TextAreaField
          id={DESCRIPTION}
          label="Beschrijving"
          description="Wat de dienst biedt en voor wie, in een paar zinnen. Leeg laten mag."
          error={errors[DESCRIPTION]}
          rows={4}
          value={values.description}
          onChange={(description) => set({ description })}
        />
        <SelectField
          id={DUTY}
          label="Plicht"
          description="De wettelijke plicht van gemeenten waarvoor de dienst is."
          error={errors[DUTY]}
          value={values.dutyCode}
          placeholder={duties.length === 1 ? undefined : 'Kies een plicht'}
          options={duties.map((d) => [d.code, `${d.name} (${d.legalBasis})`] as const)}
          onChange={(dutyCode) => set({ dutyCode })}
        />
        <fieldset
          className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset"
          aria-describedby={errors[CHANNELS] ? `${CHANNELS}-error` : undefined}
        >
          <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">Kanalen</legend>
          {counting.length ? (
            <p className="utrecht-paragraph">
              Voor deze plicht tellen {counting.map((kind) => channelLabel(kind).toLowerCase()).join(' en ')} mee.
            </p>
          ) : null}
          {errors[CHANNELS] ? (
            <p className="utrecht-form-field-error-message" id={`${CHANNELS}-error`}>
              <span aria-hidden="true">✕ </span>
              {errors[CHANNELS]}
            </p>
          ) : null}
          {KINDS.map((kind) => (
            <div className="choice-field" key={kind}>
              <Choice
                type="checkbox"
                className="choice"
                id={kind === 'PHONE' ? CHANNELS : undefined}
                checked={values.channels[kind].on}
                onChange={(event) => setChannel(kind, { on: event.target.checked })}
              >
                {channelLabel(kind)}
              </Choice>
            </div>
          ))}
        </fieldset>
        {KINDS.filter((kind) => values.channels[kind].on).map((kind) => {
          const label = channelLabel(kind);
          return (
            <fieldset key={kind} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {label}
              </legend>
              <TextField
                id={contactId(kind)}
                label={`${label}: contact`}
                description={CONTACT_HINTS[kind]}
                error={errors[contactId(kind)]}
                value={values.channels[kind].contact}
                onChange={(contact) => setChannel(kind, { contact })}
              />
              <HoursFields
                kind={kind}
                label={label}
                hours={values.channels[kind].hours}
                errors={errors}
                onChange={(change) => setChannel(kind, { hours: { ...values.channels[kind].hours, ...change } })}
              />
            </fieldset>
          );
        })}
        <StepActions cancelTo="/diensten">
          <Button type="submit">Controleer de dienst</Button>
        </StepActions>
      </form>
    </>
  );
}
