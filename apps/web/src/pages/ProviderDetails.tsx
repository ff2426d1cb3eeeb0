import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { $api, queryClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import { TextField } from '../components/fields';
import { Alert, Button, DataList, ErrorAlert, Loading, PageHeading, Section } from '../components/ui';
import { dateTime } from '../format';
import { hasRole, useMe } from '../session';
import { ErrorSummary, FieldErrors } from './invoices/forms';

/** GET/PATCH /providers/{id}: the provider's legal and billing details. */
type Provider = Schema<'ProviderDto'>;
type ProviderChange = Schema<'UpdateProviderDto'>;

const PROVIDER = '/api/v1/providers/{id}';

const FIELDS = ['legalName', 'kvkNumber', 'vatId', 'iban', 'street', 'postalCode', 'city', 'email'] as const;
type FieldName = (typeof FIELDS)[number];
type FormState = Record<FieldName, string>;

const LABELS: Record<FieldName, string> = {
  legalName: 'Statutaire naam',
  kvkNumber: 'KvK-nummer',
  vatId: 'Btw-identificatienummer',
  iban: 'IBAN',
  street: 'Straat en huisnummer (of postbus)',
  postalCode: 'Postcode',
  city: 'Plaats',
  email: 'E-mailadres voor facturen',
};

/** What a field must hold, in Dutch: shown next to it when the API refuses its value. */
const MESSAGES: Record<FieldName, string> = {
  legalName: 'Vul de statutaire naam in, zoals bij de KvK ingeschreven (2 tot 200 tekens).',
  kvkNumber: 'Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 41150000.',
  vatId:
    'Een btw-identificatienummer ziet eruit als NL001234567B01 (NL, 9 cijfers, B en 2 cijfers), of laat het veld leeg.',
  iban: 'Vul een Nederlands IBAN in: NL, 2 cijfers, 4 letters van de bank en 10 cijfers, bijvoorbeeld NL91ABNA0417164300.',
  street: 'Vul de straat en het huisnummer (of de postbus) in (2 tot 200 tekens).',
  postalCode: 'Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 3500 AA.',
  city: 'Vul de plaats in (2 tot 100 tekens).',
  email: 'Vul een geldig e-mailadres in, bijvoorbeeld facturen@aanbieder.nl, of laat het veld leeg.',
};

function toForm(provider: Provider): FormState {
  return Object.fromEntries(FIELDS.map((field) => [field, provider[field] ?? ''])) as FormState;
}

/** Spaces out and capitals in the codes people copy from letters ("nl91 abna 0417 1643 00"); "3500aa" as "3500 AA". */
function toBody(form: FormState): ProviderChange {
  const compact = (value: string) => value.replace(/\s+/g, '').toUpperCase();
  const postalCode = compact(form.postalCode);
  return {
    legalName: form.legalName.trim(),
    kvkNumber: form.kvkNumber.replace(/\s+/g, ''),
    vatId: compact(form.vatId) || null,
    iban: compact(form.iban),
    street: form.street.trim(),
    postalCode: /^\d{4}[A-Z]{2}$/.test(postalCode) ? `${postalCode.slice(0, 4)} ${postalCode.slice(4)}` : postalCode,
    city: form.city.trim(),
    email: form.email.trim() || null,
  };
}

/** Whether an IBAN's check digits add up (ISO 13616: mod 97 is 1); a typo in the number fails it. */
export function ibanChecks(iban: string): boolean {
  const moved = iban.slice(4) + iban.slice(0, 4);
  const digits = moved.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let rest = 0;
  for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  return rest === 1;
}

/**
 * The API checks every field (the IBAN's check digits too); the page says one thing more precisely
 * than a field error can: that an IBAN of the right shape has a mistyped digit.
 */
function validate(body: ProviderChange): FieldErrors {
  const errors: FieldErrors = {};
  if (body.iban && /^NL\d{2}[A-Z]{4}\d{10}$/.test(body.iban) && !ibanChecks(body.iban))
    errors.iban = 'Dit IBAN bestaat niet: de controlecijfers kloppen niet. Controleer het nummer.';
  return errors;
}

/** The API's field errors as this form's fields, each with its Dutch message. */
function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.fieldErrors) {
    const field = FIELDS.find((name) => problem.field === name || problem.field.startsWith(`${name}.`));
    if (field) errors[field] ??= MESSAGES[field];
  }
  return errors;
}

/** The provider's own legal and billing details (PROVIDER_ADMIN): what invoices say about the supplier. */
export function ProviderDetailsPage() {
  const me = useMe();
  const allowed = me.organisation.kind === 'PROVIDER' && hasRole(me, 'PROVIDER_ADMIN');
  const path = { id: me.organisation.id };
  const provider = $api.useQuery('get', PROVIDER, { params: { path } }, { enabled: allowed });
  return (
    <>
      <PageHeading>Gegevens aanbieder</PageHeading>
      {!allowed ? (
        <Alert type="info">De gegevens van een aanbieder worden bijgehouden door de beheerder van de aanbieder.</Alert>
      ) : provider.error ? (
        <ErrorAlert error={provider.error} />
      ) : !provider.data ? (
        <Loading label="De gegevens worden geladen…" />
      ) : (
        <>
          <p className="utrecht-paragraph">
            Deze gegevens staan als leverancier op elke factuur en e-factuur die u maakt; een wijziging geldt voor
            facturen die hierna worden gemaakt, eerdere facturen blijven zoals ze zijn.
          </p>
          <Section id="huidige-gegevens" title="Op uw facturen">
            <DataList
              items={[
                ...FIELDS.map((field) => [LABELS[field], provider.data[field] || 'Niet ingevuld'] as [string, string]),
                ['Factuurnummers beginnen met', provider.data.invoicePrefix],
              ]}
            />
          </Section>
          {/* Keyed on the provider: a background refresh does not overwrite what is being typed. */}
          <ProviderForm key={provider.data.id} initial={provider.data} />
        </>
      )}
    </>
  );
}

function ProviderForm({ initial }: { initial: Provider }) {
  const [form, setForm] = useState<FormState>(() => toForm(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = $api.useMutation('patch', PROVIDER);
  const formId = useId();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);
  const idFor = (field: string) => `${formId}${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const body = toBody(form);
    const found = validate(body);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(
      { params: { path: { id: initial.id } }, body },
      {
        onSuccess: (result) => {
          queryClient.setQueryData(['get', PROVIDER, { params: { path: { id: initial.id } } }], result);
          setForm(toForm(result));
          setSaved(`De gegevens zijn opgeslagen (${dateTime(new Date().toISOString())}).`);
        },
        onError: (error) => {
          const fields = error instanceof ApiError ? serverFieldErrors(error) : {};
          if (Object.keys(fields).length) setErrors(fields);
          else setFailure(error);
        },
      },
    );
  };

  const text = (
    field: FieldName,
    options: { description?: string; inputMode?: 'numeric' | 'email'; autoComplete?: string; className?: string } = {},
  ) => (
    <TextField
      id={idFor(field)}
      label={LABELS[field]}
      error={errors[field]}
      description={options.description}
      className={options.className}
      type={field === 'email' ? 'email' : 'text'}
      inputMode={options.inputMode}
      autoComplete={options.autoComplete ?? 'off'}
      value={form[field]}
      onChange={(value) => setForm((current) => ({ ...current, [field]: value }))}
    />
  );

  return (
    <Section id="gegevens-wijzigen" title="Gegevens wijzigen">
      <form className="form billing-form" noValidate onSubmit={submit} aria-labelledby="gegevens-wijzigen">
        {saved ? (
          <div ref={savedRef} tabIndex={-1}>
            <Alert type="ok">{saved}</Alert>
          </div>
        ) : null}
        <ErrorSummary errors={errors} labels={LABELS} idOf={idFor} />
        {failure ? <ErrorAlert error={failure} /> : null}
        <fieldset className="utrecht-form-fieldset billing-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-heading-3">Organisatie</legend>
          {text('legalName', { autoComplete: 'organization' })}
          {text('kvkNumber', {
            description: '8 cijfers, bijvoorbeeld 41150000.',
            inputMode: 'numeric',
            className: 'input--short',
          })}
          {text('vatId', {
            description: 'Bijvoorbeeld NL001234567B01. Leeg als u geen btw-nummer heeft.',
            className: 'input--oin',
          })}
        </fieldset>
        <fieldset className="utrecht-form-fieldset billing-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-heading-3">Betaling</legend>
          {text('iban', {
            description: 'De rekening waarop gemeenten en de VNG de facturen betalen, bijvoorbeeld NL91ABNA0417164300.',
            className: 'input--oin',
          })}
        </fieldset>
        <fieldset className="utrecht-form-fieldset billing-fieldset">
          <legend className="utrecht-form-fieldset__legend utrecht-heading-3">Adres</legend>
          {text('street', { autoComplete: 'street-address' })}
          {text('postalCode', {
            description: 'Bijvoorbeeld 3500 AA.',
            autoComplete: 'postal-code',
            className: 'input--short',
          })}
          {text('city', { autoComplete: 'address-level2' })}
          {text('email', {
            description: 'Staat op uw facturen, voor vragen over een factuur. Leeg laten mag.',
            inputMode: 'email',
            autoComplete: 'email',
          })}
        </fieldset>
        <div className="actions">
          <Button type="submit" busy={save.isPending}>
            Opslaan
          </Button>
        </div>
      </form>
    </Section>
  );
}
