import './services.css';
import { useQueryClient } from '@tanstack/react-query';
import { FormEvent, useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { $api } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { StepActions, useStep } from '../../components/check-answers';
import { TextAreaField, TextField } from '../../components/fields';
import { Button, DataList, ErrorAlert, Loading } from '../../components/ui';
import { channelLabel } from '../../format';
import { FormProblems, invalidateServices, ServiceChange, ServiceConfirmation, StepHeading } from './effect';
import { byChannelOrder } from './schedule';
import { CheckStep, useOwnService } from './ServiceHours';

type Service = components['schemas']['ServiceDto'];
type ServiceChangeBody = components['schemas']['UpdateServiceDto'];

interface Values {
  name: string;
  description: string;
  /** By channel kind. */
  contacts: Record<string, string>;
}

/** What each channel's contact is: a telephone number for the telephone, an address for chat. */
export const CONTACT_HINTS: Record<string, string> = {
  PHONE: 'Het telefoonnummer, bijvoorbeeld 0900-0767.',
  CHAT: 'Het adres van de chat, bijvoorbeeld https://www.sensoor.nl/chat.',
  EMAIL: 'Het e-mailadres of het adres van het formulier.',
  VIDEO: 'Het adres waar men kan videobellen.',
  SMS: 'Het nummer voor sms-berichten.',
};

const NAME = 'dienst-naam';
const DESCRIPTION = 'dienst-beschrijving';
const contactId = (kind: string) => `${kind}-contact`;

function initialValues(service: Service): Values {
  return {
    name: service.name,
    description: service.description ?? '',
    contacts: Object.fromEntries(service.channels.map((channel) => [channel.kind, channel.contact ?? ''])),
  };
}

/** Only what changed; a channel's contact goes with its hours as they are (the API asks for the week). */
function changeOf(service: Service, values: Values): { body: ServiceChangeBody; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const body: ServiceChangeBody = {};
  const name = values.name.trim();
  if (name.length < 2) errors[NAME] = 'Vul de naam van de dienst in (minstens 2 tekens).';
  else if (name.length > 200) errors[NAME] = 'De naam mag hoogstens 200 tekens lang zijn.';
  else if (name !== service.name) body.name = name;
  const description = values.description.trim();
  if (description.length > 2000) errors[DESCRIPTION] = 'De beschrijving mag hoogstens 2000 tekens lang zijn.';
  else if (description !== (service.description ?? '')) body.description = description || null;
  const channels: NonNullable<ServiceChangeBody['channels']> = [];
  for (const channel of byChannelOrder(service.channels)) {
    const contact = (values.contacts[channel.kind] ?? '').trim();
    if (contact === (channel.contact ?? '')) continue;
    if (!contact)
      errors[contactId(channel.kind)] =
        'Een contact kan niet leeg worden gemaakt. Vul het nieuwe contact in, of zet het oude terug.';
    else if (contact.length > 200) errors[contactId(channel.kind)] = 'Het contact mag hoogstens 200 tekens lang zijn.';
    else channels.push({ kind: channel.kind, contact, schedule: channel.schedule });
  }
  if (channels.length) body.channels = channels;
  return { body, errors };
}

/** The API's field paths (name, channels.0.contact) as this form's fields, each with a Dutch message. */
function serverErrors(error: unknown, body: ServiceChangeBody): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    const channel = /^channels\.(\d+)/.exec(problem.field);
    const kind = channel ? body.channels?.[Number(channel[1])]?.kind : undefined;
    if (problem.field.startsWith('name')) errors[NAME] = 'Vul de naam van de dienst in (2 tot 200 tekens).';
    else if (problem.field.startsWith('description'))
      errors[DESCRIPTION] = 'De beschrijving mag hoogstens 2000 tekens lang zijn.';
    else if (kind)
      errors[contactId(kind)] = 'Dit contact klopt niet: vul een telefoonnummer of adres in (hoogstens 200 tekens).';
  }
  return errors;
}

/** Change a service's name, description and its channels' contacts: the form, the check with the effect, the confirmation. */
export function EditServicePage() {
  const { serviceId = '' } = useParams();
  const { query } = useOwnService(serviceId);
  if (query.error) return <ErrorAlert error={query.error} />;
  if (!query.data) return <Loading />;
  return <EditFlow service={query.data} />;
}

function EditFlow({ service }: { service: Service }) {
  const initial = useMemo(() => initialValues(service), [service]);
  const step = useStep<Values>(initial);
  const queryClient = useQueryClient();
  const path = { id: service.providerId, serviceId: service.id };
  const [refused, setRefused] = useState<Record<string, string>>({});
  const preview = $api.useMutation('patch', '/api/v1/providers/{id}/services/{serviceId}');
  const save = $api.useMutation('patch', '/api/v1/providers/{id}/services/{serviceId}', {
    onSuccess: () => {
      invalidateServices(queryClient, false);
      step.confirm();
    },
  });

  if (step.current === 'done' && save.data) {
    const saved = save.data.service;
    return (
      <ServiceConfirmation
        title="Gegevens van de dienst opgeslagen"
        next="Gemeenten en de VNG zien de nieuwe gegevens direct bij de dienst. Voor het nalevingsoverzicht verandert er niets: dat rekent alleen met de openingstijden en sluitingen."
      >
        <DataList
          items={[
            ['Naam', saved.name],
            ['Beschrijving', saved.description || 'Geen'],
            ...byChannelOrder(saved.channels).map(
              (channel) => [channelLabel(channel.kind), channel.contact ?? '-'] as [string, string],
            ),
          ]}
        />
      </ServiceConfirmation>
    );
  }
  if (step.current === 'check' && preview.data) {
    const body = changeOf(service, step.values).body;
    // The API says only that the description changed: show what it becomes.
    const change: ServiceChange = {
      ...preview.data,
      changes: preview.data.changes.map((line) =>
        line === 'Beschrijving gewijzigd' ? `Beschrijving: ${body.description ?? 'geen'}` : line,
      ),
    };
    return (
      <CheckStep
        service={service}
        change={change}
        headingRef={step.headingRef}
        onEdit={step.edit}
        busy={save.isPending}
        error={save.error}
        back="Terug naar de gegevens"
        what={(key) => (/^(Naam|Beschrijving)$/.test(key) ? key.toLowerCase() : `het contact van ${key.toLowerCase()}`)}
        onSave={() => save.mutate({ params: { path }, body })}
      />
    );
  }
  return (
    <EditForm
      service={service}
      initial={step.values}
      headingRef={step.headingRef}
      busy={preview.isPending}
      refused={refused}
      error={Object.keys(refused).length ? null : preview.error}
      onSubmit={(values, body) =>
        preview.mutate(
          { params: { path, query: { dryRun: 'true' } }, body },
          {
            onSuccess: () => {
              setRefused({});
              step.check(values);
            },
            onError: (error) => setRefused(serverErrors(error, body)),
          },
        )
      }
    />
  );
}

function EditForm({
  service,
  initial,
  headingRef,
  busy,
  refused,
  error,
  onSubmit,
}: {
  service: Service;
  initial: Values;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  busy: boolean;
  /** The fields the API refused, with a Dutch message each. */
  refused: Record<string, string>;
  error: unknown;
  onSubmit: (values: Values, body: ServiceChangeBody) => void;
}) {
  const [values, setValues] = useState(initial);
  const [found, setFound] = useState<Record<string, string> | null>(null);
  const errors = found ?? refused;
  const set = (change: Partial<Values>) => setValues((previous) => ({ ...previous, ...change }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors: problems } = changeOf(service, values);
    setFound(Object.keys(problems).length ? problems : null);
    if (!Object.keys(problems).length) onSubmit(values, body);
  }
  return (
    <>
      <StepHeading headingRef={headingRef}>Gegevens van de dienst wijzigen</StepHeading>
      <p className="utrecht-paragraph">
        {service.name}. De naam, de beschrijving en het contact per kanaal zien gemeenten en de VNG bij de dienst. De
        openingstijden en sluitingen wijzigt u op hun eigen pagina.
      </p>
      <FormProblems errors={errors} error={error} />
      <form className="form billing-form" onSubmit={submit} noValidate aria-label="Gegevens van de dienst">
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
        <fieldset className="utrecht-form-fieldset billing-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-heading-2">Contact per kanaal</legend>
          {byChannelOrder(service.channels).map((channel) => (
            <TextField
              key={channel.kind}
              id={contactId(channel.kind)}
              label={`${channelLabel(channel.kind)}: contact`}
              description={CONTACT_HINTS[channel.kind]}
              error={errors[contactId(channel.kind)]}
              value={values.contacts[channel.kind] ?? ''}
              onChange={(contact) => set({ contacts: { ...values.contacts, [channel.kind]: contact } })}
            />
          ))}
        </fieldset>
        <StepActions cancelTo="/diensten">
          <Button type="submit" busy={busy}>
            Controleer de wijziging
          </Button>
        </StepActions>
      </form>
    </>
  );
}
