import { FormEvent, useEffect, useId, useRef, useState } from 'react';
import { $api, queryClient } from '../api/client';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import { SelectField, TextField } from '../components/fields';
import { Alert, Button, ErrorAlert, Loading, PageHeading } from '../components/ui';
import { currentYear, dateTime, yearOptions } from '../format';
import { hasRole, useMe } from '../session';
import { ErrorSummary, FieldErrors } from './invoices/forms';

/** PUT/GET /municipalities/{code}/billing-details. */
type BillingDetails = Schema<'BillingDetailsDto'>;

type ContractOption = Pick<Schema<'ContractPageDto'>['items'][number], 'id' | 'reference' | 'title'>;

const BILLING_DETAILS = '/api/v1/municipalities/{code}/billing-details';

interface FormState {
  oin: string;
  kvkNumber: string;
  street: string;
  postalCode: string;
  city: string;
  invoiceEmail: string;
  purchaseOrders: Array<{ key: number; contractId: string; year: string; number: string }>;
}

const LABELS: Record<string, string> = {
  oin: 'OIN',
  kvkNumber: 'KvK-nummer',
  street: 'Straat en huisnummer (of postbus)',
  postalCode: 'Postcode',
  city: 'Plaats',
  invoiceEmail: 'E-mailadres voor facturen',
};

let nextKey = 1;

function toForm(details: BillingDetails): FormState {
  return {
    oin: details.oin ?? '',
    kvkNumber: details.kvkNumber ?? '',
    street: details.invoiceAddress?.street ?? '',
    postalCode: details.invoiceAddress?.postalCode ?? '',
    city: details.invoiceAddress?.city ?? '',
    invoiceEmail: details.invoiceEmail ?? '',
    purchaseOrders: (details.purchaseOrders ?? []).map((po) => ({
      key: nextKey++,
      contractId: po.contractId,
      year: String(po.year),
      number: po.number,
    })),
  };
}

const poLabel = (index: number, part: 'contractId' | 'year' | 'number') =>
  `Inkoopordernummer ${index + 1}: ${part === 'contractId' ? 'contract' : part === 'year' ? 'jaar' : 'nummer'}`;

/** Client-side checks with the same rules as the API's DTO, in Dutch. */
function validate(form: FormState): FieldErrors {
  const errors: FieldErrors = {};
  const oin = form.oin.trim();
  if (oin && !/^\d{20}$/.test(oin))
    errors.oin = `Een OIN bestaat uit precies 20 cijfers, bijvoorbeeld 00000001001234567000 (u vulde ${oin.replace(/\D/g, '').length} cijfers${/\D/.test(oin) ? ' en andere tekens' : ''} in).`;
  const kvk = form.kvkNumber.trim();
  if (kvk && !/^\d{8}$/.test(kvk))
    errors.kvkNumber = 'Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 01234567.';
  const street = form.street.trim();
  const postalCode = normalPostalCode(form.postalCode);
  const city = form.city.trim();
  if (street || postalCode || city) {
    if (street.length < 2)
      errors.street = 'Vul de straat en het huisnummer (of de postbus) in: het factuuradres is anders niet volledig.';
    else if (street.length > 200) errors.street = 'Het adres mag hoogstens 200 tekens lang zijn.';
    if (!postalCode) errors.postalCode = 'Vul de postcode in: het factuuradres is anders niet volledig.';
    else if (!/^\d{4} ?[A-Z]{2}$/.test(postalCode))
      errors.postalCode = 'Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 9401 JW.';
    if (city.length < 2) errors.city = 'Vul de plaats in: het factuuradres is anders niet volledig.';
    else if (city.length > 100) errors.city = 'De plaats mag hoogstens 100 tekens lang zijn.';
  }
  const email = form.invoiceEmail.trim();
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(email))
    errors.invoiceEmail = 'Vul een geldig e-mailadres in, bijvoorbeeld facturen@gemeente.nl.';
  form.purchaseOrders.forEach((po, index) => {
    if (!po.contractId) errors[`purchaseOrders.${index}.contractId`] = 'Kies het contract waarvoor dit nummer geldt.';
    if (!/^\d{4}$/.test(po.year) || Number(po.year) < 2015 || Number(po.year) > 2100)
      errors[`purchaseOrders.${index}.year`] = 'Kies het jaar waarvoor dit nummer geldt.';
    if (!po.number.trim())
      errors[`purchaseOrders.${index}.number`] = 'Vul het inkoopordernummer in, of verwijder deze regel.';
    else if (po.number.trim().length > 50)
      errors[`purchaseOrders.${index}.number`] = 'Een inkoopordernummer mag hoogstens 50 tekens lang zijn.';
    const earlier = form.purchaseOrders.findIndex(
      (other) => other.contractId === po.contractId && other.year === po.year,
    );
    if (po.contractId && earlier < index)
      errors[`purchaseOrders.${index}.year`] =
        `Voor dit contract en jaar staat al een nummer (regel ${earlier + 1}). Geef één nummer per contract en jaar.`;
  });
  return errors;
}

/** "9401jw" as "9401 JW". */
function normalPostalCode(value: string): string {
  const compact = value.trim().toUpperCase().replace(/\s+/g, '');
  return /^\d{4}[A-Z]{2}$/.test(compact) ? `${compact.slice(0, 4)} ${compact.slice(4)}` : value.trim().toUpperCase();
}

function toBody(form: FormState): BillingDetails {
  const street = form.street.trim();
  const postalCode = normalPostalCode(form.postalCode);
  const city = form.city.trim();
  return {
    oin: form.oin.trim() || null,
    kvkNumber: form.kvkNumber.trim() || null,
    invoiceAddress: street || postalCode || city ? { street, postalCode, city } : null,
    invoiceEmail: form.invoiceEmail.trim() || null,
    purchaseOrders: form.purchaseOrders.map((po) => ({
      contractId: po.contractId,
      year: Number(po.year),
      number: po.number.trim(),
    })),
  };
}

/** The API's field paths (invoiceAddress.postalCode, purchaseOrders.0.number) as this form's fields, with a Dutch message. */
function serverFieldErrors(error: ApiError): FieldErrors {
  const errors: FieldErrors = {};
  for (const problem of error.fieldErrors) {
    const field = problem.field.replace(/^invoiceAddress\.?/, '') || 'street';
    const key = ['street', 'postalCode', 'city'].includes(field)
      ? field
      : field.startsWith('purchaseOrders')
        ? /\.\d+\.(contractId|year|number)$/.test(field)
          ? field
          : `${field.replace(/\.$/, '')}.year`
        : field;
    const message =
      {
        oin: 'Een OIN bestaat uit precies 20 cijfers, bijvoorbeeld 00000001001234567000.',
        kvkNumber: 'Een KvK-nummer bestaat uit precies 8 cijfers, bijvoorbeeld 01234567.',
        street: 'Vul de straat en het huisnummer in (2 tot 200 tekens).',
        postalCode: 'Vul een Nederlandse postcode in: 4 cijfers en 2 letters, bijvoorbeeld 9401 JW.',
        city: 'Vul de plaats in (2 tot 100 tekens).',
        invoiceEmail: 'Vul een geldig e-mailadres in, bijvoorbeeld facturen@gemeente.nl.',
      }[key] ??
      (key.startsWith('purchaseOrders')
        ? /two numbers/i.test(problem.message)
          ? 'Voor dit contract en jaar staat al een nummer. Geef één nummer per contract en jaar.'
          : 'Deze waarde klopt niet. Controleer het contract, het jaar en het nummer.'
        : 'Deze waarde klopt niet.');
    errors[key] ??= message;
  }
  return errors;
}

export function BillingDetailsPage() {
  const me = useMe();
  const code = me.organisation.municipalityCode;
  const allowed = !!code && (hasRole(me, 'FINANCE') || hasRole(me, 'ORG_ADMIN'));
  const path = { code: code ?? '' };
  const details = $api.useQuery('get', BILLING_DETAILS, { params: { path } }, { enabled: allowed });
  // The contracts only name the purchase orders' contracts: without them the form still works.
  const contracts = $api.useQuery(
    'get',
    '/api/v1/contracts',
    { params: { query: { municipality: code ?? undefined, limit: 100 } } },
    { enabled: allowed },
  );
  return (
    <>
      <PageHeading>Factuurgegevens</PageHeading>
      {!allowed ? (
        <Alert type="info">
          Factuurgegevens worden bijgehouden door de afdeling financiën of de beheerder van een gemeente.
        </Alert>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Met deze gegevens maakt de aanbieder facturen en e-facturen voor {me.organisation.name}. Voor een e-factuur
            zijn het OIN (of het KvK-nummer) en een volledig factuuradres nodig. Wijzigingen gelden voor facturen die
            hierna worden gemaakt.
          </p>
          {details.error ? (
            <ErrorAlert error={details.error} />
          ) : !details.data || contracts.isPending ? (
            <Loading label="De factuurgegevens worden geladen…" />
          ) : (
            // Keyed on the municipality: a background refresh does not overwrite what is being typed.
            <BillingForm key={code} code={code} initial={details.data} contracts={contracts.data?.items ?? []} />
          )}
        </>
      )}
    </>
  );
}

function BillingForm({
  code,
  initial,
  contracts,
}: {
  code: string;
  initial: BillingDetails;
  contracts: ContractOption[];
}) {
  const [form, setForm] = useState<FormState>(() => toForm(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const save = $api.useMutation('put', BILLING_DETAILS);
  const formId = useId();
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved) savedRef.current?.focus();
  }, [saved]);

  const set = (field: keyof Omit<FormState, 'purchaseOrders'>) => (value: string) =>
    setForm((current) => ({ ...current, [field]: value }));
  const setPo = (index: number, part: 'contractId' | 'year' | 'number', value: string) =>
    setForm((current) => ({
      ...current,
      purchaseOrders: current.purchaseOrders.map((po, i) => (i === index ? { ...po, [part]: value } : po)),
    }));
  const idFor = (field: string) => `${formId}${field}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(null);
    setFailure(null);
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length) return;
    save.mutate(
      { params: { path: { code } }, body: toBody(form) },
      {
        onSuccess: (result) => {
          queryClient.setQueryData(['get', BILLING_DETAILS, { params: { path: { code } } }], result);
          // Invoice runs check these details (readiness): let them load again.
          void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}/invoice-runs/readiness'] });
          setForm(toForm(result));
          setSaved(`De factuurgegevens zijn opgeslagen (${dateTime(new Date().toISOString())}).`);
        },
        onError: (error) => {
          if (error instanceof ApiError && error.fieldErrors.length) setErrors(serverFieldErrors(error));
          else if (error instanceof ApiError && error.status === 404 && /contract/i.test(error.detail ?? ''))
            setErrors({
              'purchaseOrders.0.contractId':
                'Een van de gekozen contracten is onbekend of uw gemeente doet er niet aan mee.',
            });
          else setFailure(error);
        },
      },
    );
  };

  const labels: Record<string, string> = { ...LABELS };
  form.purchaseOrders.forEach((_, index) => {
    for (const part of ['contractId', 'year', 'number'] as const)
      labels[`purchaseOrders.${index}.${part}`] = poLabel(index, part);
  });
  const text = (
    field: keyof typeof LABELS,
    options: {
      description?: string;
      inputMode?: 'numeric' | 'email';
      autoComplete?: string;
      type?: string;
      className?: string;
    } = {},
  ) => (
    <TextField
      id={idFor(field)}
      label={LABELS[field]}
      error={errors[field]}
      description={options.description}
      className={options.className}
      type={options.type ?? 'text'}
      inputMode={options.inputMode}
      autoComplete={options.autoComplete ?? 'off'}
      value={form[field as keyof Omit<FormState, 'purchaseOrders'>]}
      onChange={set(field as keyof Omit<FormState, 'purchaseOrders'>)}
    />
  );

  return (
    <form className="form billing-form" noValidate onSubmit={submit}>
      {saved ? (
        <div ref={savedRef} tabIndex={-1}>
          <Alert type="ok">{saved}</Alert>
        </div>
      ) : null}
      <ErrorSummary errors={errors} labels={labels} idOf={idFor} />
      {failure ? <ErrorAlert error={failure} /> : null}
      <fieldset className="utrecht-form-fieldset billing-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-heading-2">Identificatie</legend>
        {text('oin', {
          description:
            'Organisatie-identificatienummer: 20 cijfers, bijvoorbeeld 00000001001234567000. Hierop ontvangt u e-facturen via Digipoort of Peppol.',
          inputMode: 'numeric',
          className: 'input--oin',
        })}
        {text('kvkNumber', {
          description: '8 cijfers, bijvoorbeeld 01234567.',
          inputMode: 'numeric',
          className: 'input--short',
        })}
      </fieldset>
      <fieldset className="utrecht-form-fieldset billing-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-heading-2">Factuuradres</legend>
        <p className="utrecht-paragraph">Vul alle drie de velden in, of laat ze alle drie leeg.</p>
        {text('street', { autoComplete: 'street-address' })}
        {text('postalCode', {
          description: 'Bijvoorbeeld 9401 JW.',
          autoComplete: 'postal-code',
          className: 'input--short',
        })}
        {text('city', { autoComplete: 'address-level2' })}
        {text('invoiceEmail', {
          description: 'Waar de aanbieder facturen naartoe stuurt, bijvoorbeeld facturen@gemeente.nl.',
          inputMode: 'email',
          type: 'email',
          autoComplete: 'email',
        })}
      </fieldset>
      <fieldset className="utrecht-form-fieldset billing-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-heading-2">Inkoopordernummers</legend>
        <p className="utrecht-paragraph">
          Het nummer dat op de factuur moet staan, per contract en jaar. Eén nummer per contract en jaar.
        </p>
        {form.purchaseOrders.length === 0 ? (
          <p className="utrecht-paragraph">Er zijn geen inkoopordernummers.</p>
        ) : null}
        {form.purchaseOrders.map((po, index) => (
          <div key={po.key} className="purchase-order" role="group" aria-label={`Inkoopordernummer ${index + 1}`}>
            <SelectField
              id={idFor(`purchaseOrders.${index}.contractId`)}
              label={poLabel(index, 'contractId')}
              error={errors[`purchaseOrders.${index}.contractId`]}
              value={po.contractId}
              onChange={(value) => setPo(index, 'contractId', value)}
              placeholder="Kies een contract"
              options={[
                ...contracts.map((contract) => [contract.id, `${contract.reference} – ${contract.title}`] as const),
                ...(po.contractId && !contracts.some((contract) => contract.id === po.contractId)
                  ? [[po.contractId, `Contract ${po.contractId.slice(0, 8)}`] as const]
                  : []),
              ]}
            />
            <SelectField
              id={idFor(`purchaseOrders.${index}.year`)}
              label={poLabel(index, 'year')}
              error={errors[`purchaseOrders.${index}.year`]}
              value={po.year}
              onChange={(value) => setPo(index, 'year', value)}
              options={[...new Set([...yearOptions(1), Number(po.year)])].sort((a, b) => b - a)}
            />
            <TextField
              id={idFor(`purchaseOrders.${index}.number`)}
              label={poLabel(index, 'number')}
              error={errors[`purchaseOrders.${index}.number`]}
              className="input--short"
              type="text"
              maxLength={50}
              value={po.number}
              onChange={(value) => setPo(index, 'number', value)}
            />
            <Button
              variant="subtle"
              onClick={() =>
                setForm((current) => ({
                  ...current,
                  purchaseOrders: current.purchaseOrders.filter((_, i) => i !== index),
                }))
              }
            >
              Verwijder inkoopordernummer {index + 1}
            </Button>
          </div>
        ))}
        <div className="actions">
          <Button
            variant="secondary"
            onClick={() =>
              setForm((current) => ({
                ...current,
                purchaseOrders: [
                  ...current.purchaseOrders,
                  {
                    key: nextKey++,
                    contractId: contracts.length === 1 ? contracts[0].id : '',
                    year: String(currentYear()),
                    number: '',
                  },
                ],
              }))
            }
          >
            Inkoopordernummer toevoegen
          </Button>
        </div>
      </fieldset>
      <div className="actions">
        <Button type="submit" busy={save.isPending}>
          Opslaan
        </Button>
      </div>
    </form>
  );
}
