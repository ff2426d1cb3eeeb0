import './services.css';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { $api } from '../../api/client';
import type { components } from '../../api/schema';
import { CheckAnswers, StepActions, useStep } from '../../components/check-answers';
import { Button, ErrorAlert, Loading } from '../../components/ui';
import { channelLabel } from '../../format';
import { useMe } from '../../session';
import { Effect, FormProblems, invalidateServices, ServiceChange, ServiceConfirmation, StepHeading } from './effect';
import { ChannelHours, HoursFields, hoursInput, weekOf } from './hours-fields';
import { byChannelOrder, capitalised, Interval } from './schedule';
import { WeekTable } from './Services';

type Service = components['schemas']['ServiceDto'];

type Values = Record<string, ChannelHours>;

/** The service, or what the page says while it loads or when it cannot. */
export function useOwnService(serviceId: string) {
  const me = useMe();
  const query = $api.useQuery('get', '/api/v1/providers/{id}/services/{serviceId}', {
    params: { path: { id: me.organisation.id, serviceId } },
  });
  return { providerId: me.organisation.id, query };
}

/** Change a service's weekly hours: the form, then the changes with their effect ("Opslaan"), then the confirmation. */
export function ServiceHoursPage() {
  const { serviceId = '' } = useParams();
  const { query } = useOwnService(serviceId);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <HoursFlow service={query.data} />;
}

function initialValues(service: Service): Values {
  return Object.fromEntries(service.channels.map((channel) => [channel.kind, hoursInput(channel.schedule)]));
}

/** The week of each channel, or the Dutch messages by field id. */
function scheduleOf(values: Values): {
  channels: Array<{ kind: string; schedule: Interval[] }>;
  errors: Record<string, string>;
} {
  let errors: Record<string, string> = {};
  const channels = Object.entries(values).map(([kind, hours]) => {
    const week = weekOf(kind, hours);
    errors = { ...errors, ...week.errors };
    return { kind, schedule: week.schedule };
  });
  return { channels, errors };
}

function HoursFlow({ service }: { service: Service }) {
  const me = useMe();
  const initial = useMemo(() => initialValues(service), [service]);
  const step = useStep<Values>(initial);
  const queryClient = useQueryClient();
  const preview = $api.useMutation('patch', '/api/v1/providers/{id}/services/{serviceId}');
  const save = $api.useMutation('patch', '/api/v1/providers/{id}/services/{serviceId}', {
    onSuccess: () => {
      invalidateServices(queryClient);
      step.confirm();
    },
  });
  const path = { id: me.organisation.id, serviceId: service.id };
  const body = (values: Values) => ({
    channels: scheduleOf(values).channels as components['schemas']['ChannelChangeDto'][],
  });

  if (step.current === 'done' && save.data) {
    return (
      <ServiceConfirmation
        title="Openingstijden opgeslagen"
        next="Het nalevingsoverzicht en de pagina's van de gemeenten rekenen direct met de nieuwe tijden. Verandert daardoor of een gemeente aan haar plicht voldoet, dan krijgen de gemeente en de VNG daarvan een melding na de dagelijkse controle."
      >
        <WeekTable service={save.data.service} />
      </ServiceConfirmation>
    );
  }
  if (step.current === 'check' && preview.data) {
    return (
      <CheckStep
        service={service}
        change={preview.data}
        headingRef={step.headingRef}
        onEdit={step.edit}
        busy={save.isPending}
        error={save.error}
        onSave={() => save.mutate({ params: { path }, body: body(step.values) })}
      />
    );
  }
  return (
    <HoursForm
      service={service}
      initial={step.values}
      headingRef={step.headingRef}
      busy={preview.isPending}
      error={preview.error}
      onSubmit={(values) =>
        preview.mutate(
          { params: { path, query: { dryRun: 'true' } }, body: body(values) },
          { onSuccess: () => step.check(values) },
        )
      }
    />
  );
}

function HoursForm({
  service,
  initial,
  headingRef,
  busy,
  error,
  onSubmit,
}: {
  service: Service;
  initial: Values;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  error: unknown;
  onSubmit: (values: Values) => void;
}) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (kind: string, change: Partial<ChannelHours>) =>
    setValues((previous) => ({ ...previous, [kind]: { ...previous[kind], ...change } }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = scheduleOf(values).errors;
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  }
  return (
    <>
      <StepHeading headingRef={headingRef}>Openingstijden wijzigen</StepHeading>
      <p className="utrecht-paragraph">
        {service.name}. Tijden zijn Nederlandse tijd. Vul per dag de tijden in als 08:00-22:00 (meer blokken met een
        komma: 08:00-12:00, 13:00-17:00), &lsquo;Dag en nacht&rsquo; voor 24 uur, of laat het veld leeg voor gesloten.
      </p>
      <FormProblems errors={errors} error={error} />
      <form className="form" onSubmit={submit} noValidate aria-label="Openingstijden">
        {byChannelOrder(service.channels).map((channel) => {
          const hours = values[channel.kind];
          const label = channelLabel(channel.kind);
          return (
            <fieldset key={channel.kind} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset">
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {label}
              </legend>
              <HoursFields
                kind={channel.kind}
                label={label}
                hours={hours}
                errors={errors}
                onChange={(change) => set(channel.kind, change)}
              />
            </fieldset>
          );
        })}
        <StepActions cancelTo="/diensten">
          <Button type="submit" busy={busy}>
            Bekijk het effect
          </Button>
        </StepActions>
      </form>
    </>
  );
}

/**
 * The check of a change to a service: each line of the change with a "Wijzigen" back to the form, the
 * effect on the municipalities' duty, then "Opslaan" (nothing is saved before).
 */
export function CheckStep({
  service,
  change,
  headingRef,
  onEdit,
  onSave,
  busy,
  error,
  back = 'Terug naar de tijden',
  what = (key) => `de tijden van ${key.toLowerCase()}`,
}: {
  /** The button back to the form. */
  back?: string;
  /** What a line's "Wijzigen" changes, for screen readers, from the line's key ("Chat", "Naam"). */
  what?: (key: string) => string;
  service: Service;
  change: ServiceChange;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onEdit: () => void;
  onSave: () => void;
  busy: boolean;
  error: unknown;
}) {
  return (
    <>
      <StepHeading headingRef={headingRef}>Controleer de wijziging</StepHeading>
      <p className="utrecht-paragraph">
        {service.name}. Er is nog niets opgeslagen: bekijk wat de wijziging betekent en kies dan &lsquo;Opslaan&rsquo;.
      </p>
      <h2 className="utrecht-heading-2">Wat verandert</h2>
      {change.changes.length === 0 ? (
        <p className="utrecht-paragraph">U heeft niets gewijzigd.</p>
      ) : (
        <CheckAnswers
          rows={change.changes.map((line, i) => {
            const [key, ...rest] = line.split(': ');
            return {
              key: key + (change.changes.slice(0, i).some((l) => l.startsWith(`${key}: `)) ? ` (${i + 1})` : ''),
              value: capitalised(rest.join(': ')),
              change: { label: what(key), onClick: onEdit },
            };
          })}
        />
      )}
      <Effect change={change} />
      {error ? <ErrorAlert error={error} /> : null}
      <div className="actions">
        {change.changes.length ? (
          <Button busy={busy} onClick={onSave}>
            Opslaan
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onEdit}>
          {back}
        </Button>
      </div>
    </>
  );
}
