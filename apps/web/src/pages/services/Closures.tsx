import './services.css';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { $api } from '../../api/client';
import type { components } from '../../api/schema';
import { CheckAnswers, StepActions, useStep } from '../../components/check-answers';
import { SelectField, TextField } from '../../components/fields';
import { Alert, Button, ErrorAlert, Loading } from '../../components/ui';
import { channelLabel, dateLong } from '../../format';
import { Effect, FormProblems, invalidateServices, ServiceChange, ServiceConfirmation, StepHeading } from './effect';
import { amsterdamOffset, byChannelOrder, capitalised, dateTimeShort } from './schedule';
import { useOwnService } from './ServiceHours';

type Service = components['schemas']['ServiceDto'];
type ClosureBody = components['schemas']['AddClosureDto'];
type Closure = Service['channels'][number]['closures'][number] & { channel: string };

interface Values {
  channel: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  reason: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function closureOf(values: Values): { body?: ClosureBody; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!values.fromDate) errors.fromDate = 'Vul de begindatum in.';
  if (!TIME.test(values.fromTime)) errors.fromTime = 'Vul de begintijd in als 18:00.';
  if (!values.toDate) errors.toDate = 'Vul de einddatum in.';
  if (!TIME.test(values.toTime)) errors.toTime = 'Vul de eindtijd in als 08:00.';
  if (values.reason.trim().length < 2) errors.reason = 'Vul de reden in, bijvoorbeeld "Onderhoud telefooncentrale".';
  else if (values.reason.trim().length > 300) errors.reason = 'De reden mag hoogstens 300 tekens lang zijn.';
  if (Object.keys(errors).length) return { errors };
  const from = `${values.fromDate}T${values.fromTime}:00${amsterdamOffset(values.fromDate, values.fromTime)}`;
  const to = `${values.toDate}T${values.toTime}:00${amsterdamOffset(values.toDate, values.toTime)}`;
  if (Date.parse(to) <= Date.parse(from)) return { errors: { toDate: 'Het einde moet na het begin liggen.' } };
  return {
    body: { channel: values.channel as ClosureBody['channel'], from, to, reason: values.reason.trim() },
    errors: {},
  };
}

/**
 * The start or the end of a closure: a date and a time side by side, labelled "Gesloten vanaf (datum)"
 * and "Vanaf (tijd)" (or "tot").
 */
function MomentFields({
  end,
  label,
  values,
  errors,
  set,
}: {
  end: 'from' | 'to';
  label: string;
  values: Values;
  errors: Record<string, string>;
  set: (change: Partial<Values>) => void;
}) {
  const date = `${end}Date` as const;
  const time = `${end}Time` as const;
  return (
    <div className="form-row">
      <TextField
        label={`Gesloten ${label} (datum)`}
        type="date"
        error={errors[date]}
        value={values[date]}
        onChange={(value) => set({ [date]: value })}
      />
      <TextField
        label={`${capitalised(label)} (tijd)`}
        className="input-time"
        inputMode="numeric"
        error={errors[time]}
        value={values[time]}
        onChange={(value) => set({ [time]: value })}
      />
    </div>
  );
}

/** Add a closure of a channel: the form, then its effect ("Opslaan"), then the confirmation. */
export function AddClosurePage() {
  const { serviceId = '' } = useParams();
  const { query } = useOwnService(serviceId);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <AddClosureFlow service={query.data} />;
}

function AddClosureFlow({ service }: { service: Service }) {
  const initial = useMemo<Values>(
    () => ({
      channel: byChannelOrder(service.channels)[0]?.kind ?? 'PHONE',
      fromDate: '',
      fromTime: '',
      toDate: '',
      toTime: '',
      reason: '',
    }),
    [service],
  );
  const step = useStep<Values>(initial);
  const queryClient = useQueryClient();
  const path = { id: service.providerId, serviceId: service.id };
  const preview = $api.useMutation('post', '/api/v1/providers/{id}/services/{serviceId}/closures');
  const save = $api.useMutation('post', '/api/v1/providers/{id}/services/{serviceId}/closures', {
    onSuccess: () => {
      invalidateServices(queryClient);
      step.confirm();
    },
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Values>(initial);
  const set = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));

  if (step.current === 'done') {
    const { body } = closureOf(step.values);
    return (
      <ServiceConfirmation
        title="Sluiting opgeslagen"
        next="Het nalevingsoverzicht rekent direct met de sluiting. Een sluiting die nog niet begonnen is, kunt u op de pagina Diensten weer verwijderen."
      >
        <p className="utrecht-paragraph">
          {channelLabel(step.values.channel)} van {service.name} is gesloten van {dateLong(step.values.fromDate)}{' '}
          {step.values.fromTime} tot {dateLong(step.values.toDate)} {step.values.toTime} ({body?.reason}).
        </p>
      </ServiceConfirmation>
    );
  }
  if (step.current === 'check' && preview.data) {
    const change = preview.data as ServiceChange;
    const { body } = closureOf(step.values);
    return (
      <>
        <StepHeading headingRef={step.headingRef}>Controleer de sluiting</StepHeading>
        <p className="utrecht-paragraph">
          {service.name}. Er is nog niets opgeslagen: bekijk wat de sluiting betekent en kies dan &lsquo;Opslaan&rsquo;.
        </p>
        <CheckAnswers
          rows={[
            {
              key: 'Kanaal',
              value: channelLabel(step.values.channel),
              change: { label: 'kanaal', onClick: step.edit },
            },
            {
              key: 'Gesloten',
              value: `van ${dateLong(step.values.fromDate)} ${step.values.fromTime} tot ${dateLong(step.values.toDate)} ${step.values.toTime}`,
              change: { label: 'periode', onClick: step.edit },
            },
            { key: 'Reden', value: body?.reason ?? '', change: { label: 'reden', onClick: step.edit } },
          ]}
        />
        <Effect change={change} />
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <div className="actions">
          <Button busy={save.isPending} onClick={() => body && save.mutate({ params: { path }, body })}>
            Opslaan
          </Button>
          <Button variant="secondary" onClick={step.edit}>
            Terug naar de sluiting
          </Button>
        </div>
      </>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: found } = closureOf(values);
    setErrors(found);
    if (body)
      preview.mutate({ params: { path, query: { dryRun: 'true' } }, body }, { onSuccess: () => step.check(values) });
  }
  return (
    <>
      <StepHeading headingRef={step.headingRef}>Sluiting toevoegen</StepHeading>
      <p className="utrecht-paragraph">
        {service.name}. Een sluiting gaat voor de gewone openingstijden. Tijden zijn Nederlandse tijd.
      </p>
      <FormProblems errors={errors} error={preview.error} />
      <form className="form" onSubmit={submit} noValidate aria-label="Sluiting">
        <SelectField
          label="Kanaal"
          value={values.channel}
          onChange={(channel) => set({ channel })}
          options={byChannelOrder(service.channels).map((c) => [c.kind, channelLabel(c.kind)] as const)}
        />
        <MomentFields end="from" label="vanaf" values={values} errors={errors} set={set} />
        <MomentFields end="to" label="tot" values={values} errors={errors} set={set} />
        <TextField label="Reden" error={errors.reason} value={values.reason} onChange={(reason) => set({ reason })} />
        <StepActions cancelTo="/diensten">
          <Button type="submit" busy={preview.isPending}>
            Bekijk het effect
          </Button>
        </StepActions>
      </form>
    </>
  );
}

/** Remove a closure that has not started, or end a running one now: its effect first, then the confirmation. */
export function RemoveClosurePage() {
  const { serviceId = '', closureId = '' } = useParams();
  const { query } = useOwnService(serviceId);
  const closure = query.data?.channels
    .flatMap((channel) => channel.closures.map((c) => ({ ...c, channel: channel.kind })))
    .find((c) => c.id === closureId);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  if (!closure) return <Alert type="error">Deze sluiting bestaat niet (meer).</Alert>;
  return <RemoveClosureFlow service={query.data} closure={closure} />;
}

function RemoveClosureFlow({ service, closure }: { service: Service; closure: Closure }) {
  const step = useStep<null>(null);
  const queryClient = useQueryClient();
  const params = { path: { id: service.providerId, serviceId: service.id, closureId: closure.id } };
  const preview = $api.useMutation('delete', '/api/v1/providers/{id}/services/{serviceId}/closures/{closureId}');
  const remove = $api.useMutation('delete', '/api/v1/providers/{id}/services/{serviceId}/closures/{closureId}', {
    onSuccess: () => {
      // Stale, but not fetched again while this page shows: the confirmation still names the closure.
      invalidateServices(queryClient, false);
      step.confirm();
    },
  });
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    preview.mutate({ params: { ...params, query: { dryRun: 'true' } } });
  });
  const started = closure.from < new Date().toISOString();
  const what = started ? 'beëindigd' : 'verwijderd';

  if (step.current === 'done')
    return (
      <ServiceConfirmation title={`Sluiting ${what}`}>
        <p className="utrecht-paragraph">
          De sluiting van {channelLabel(closure.channel).toLowerCase()} ({closure.reason}) is {what}.
        </p>
      </ServiceConfirmation>
    );
  return (
    <>
      <StepHeading headingRef={step.headingRef}>{started ? 'Sluiting beëindigen' : 'Sluiting verwijderen'}</StepHeading>
      <CheckAnswers
        rows={[
          { key: 'Kanaal', value: channelLabel(closure.channel) },
          { key: 'Gesloten', value: `${dateTimeShort(closure.from)} tot ${dateTimeShort(closure.to)}` },
          { key: 'Reden', value: closure.reason },
        ]}
      />
      {preview.error ? <ErrorAlert error={preview.error} /> : null}
      {preview.data ? (
        <Effect change={preview.data} />
      ) : preview.isPending ? (
        <Loading label="Effect wordt berekend…" />
      ) : null}
      {remove.error ? <ErrorAlert error={remove.error} /> : null}
      <StepActions cancelTo="/diensten">
        {preview.data ? (
          <Button busy={remove.isPending} onClick={() => remove.mutate({ params })}>
            {started ? 'Sluiting nu beëindigen' : 'Sluiting verwijderen'}
          </Button>
        ) : null}
      </StepActions>
    </>
  );
}
