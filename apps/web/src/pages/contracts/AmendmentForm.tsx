import { FormEvent, useState } from 'react';
import { $api, queryClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { Alert, PageHeading } from '../../components/ui';
import { dateLong, plural } from '../../format';
import { Contract, period, tariff } from './labels';
import { CheckAnswerRow, CheckAnswers, ConfirmActions } from '../../components/check-answers';
import { ISO_DATE } from './steps';
import { ReasonField, TaskConfirmation, TaskForm } from './task';

type Step = 'form' | 'check' | 'done';
type Field = 'effectiveDate' | 'reason' | 'perInhabitant' | 'endDate' | 'paymentTermDays';
type Errors = Partial<Record<Field, string>>;

const MESSAGES: Record<Field, string> = {
  effectiveDate: 'Vul een geldige ingangsdatum in binnen de looptijd van het contract.',
  reason: 'Vul een reden in van 2 tot 500 tekens.',
  perInhabitant: 'Vul een tarief in euro per inwoner in, zoals 0,26 (hoogstens vier decimalen).',
  endDate: 'De einddatum mag niet vóór het begin van het contract liggen.',
  paymentTermDays: 'Vul een betaaltermijn in van 0 tot en met 365 dagen.',
};

/** "0,26" or "0.26" as the API's "0.2600"; null when it is not an amount. */
function tariffInput(text: string): string | null {
  const normalised = text.trim().replace(/^€\s*/, '').replace(',', '.');
  if (!/^\d{1,3}(\.\d{1,4})?$/.test(normalised)) return null;
  return Number(normalised).toFixed(4);
}

/**
 * The API's field errors (English) as Dutch messages at this form's fields; `body` (the amendment
 * changes nothing) at each change that was filled in.
 */
function fieldErrorsOf(error: unknown, filled: Field[]): Errors {
  const errors: Errors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    if (problem.field in MESSAGES) errors[problem.field as Field] = MESSAGES[problem.field as Field];
    else if (problem.field === 'body')
      for (const field of filled) errors[field] = 'Dit is al zo: deze wijziging verandert niets aan het contract.';
  }
  return errors;
}

/**
 * A dated amendment of an active contract (a new tariff, end date or payment term): the form, a
 * check (nothing saved before "Bevestigen"), and what it does to documents already issued.
 */
export function AmendmentFormPage({ contract }: { contract: Contract }) {
  const [step, setStep] = useState<Step>('form');
  const [effectiveDate, setEffectiveDate] = useState('');
  const [reason, setReason] = useState('');
  const [perInhabitant, setPerInhabitant] = useState('');
  const [endDate, setEndDate] = useState('');
  const [paymentTermDays, setPaymentTermDays] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const amend = $api.useMutation('post', '/api/v1/contracts/{id}/amendments', {
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}'] }),
        queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}/amendments'] }),
      ]),
  });
  const back = `/contracten/${contract.id}/wijzigingen`;

  const check = (event: FormEvent) => {
    event.preventDefault();
    const found: Errors = {};
    if (!ISO_DATE.test(effectiveDate)) found.effectiveDate = 'Vul de datum in waarop de wijziging ingaat.';
    if (reason.trim().length < 2) found.reason = 'Vul de reden van de wijziging in.';
    if (perInhabitant && tariffInput(perInhabitant) === null) found.perInhabitant = MESSAGES.perInhabitant;
    if (endDate && !ISO_DATE.test(endDate)) found.endDate = MESSAGES.endDate;
    if (paymentTermDays && !/^\d{1,3}$/.test(paymentTermDays.trim())) found.paymentTermDays = MESSAGES.paymentTermDays;
    if (!perInhabitant && !endDate && !paymentTermDays)
      found.perInhabitant = 'Vul ten minste een nieuw tarief, een nieuwe einddatum of een nieuwe betaaltermijn in.';
    setErrors(found);
    if (Object.keys(found).length === 0) {
      amend.reset();
      setStep('check');
    }
  };

  const confirm = () =>
    amend.mutate(
      {
        params: { path: { id: contract.id } },
        body: {
          effectiveDate,
          reason: reason.trim(),
          ...(perInhabitant ? { perInhabitant: tariffInput(perInhabitant)! } : {}),
          ...(endDate ? { endDate } : {}),
          ...(paymentTermDays ? { paymentTermDays: Number(paymentTermDays) } : {}),
        },
      },
      {
        onSuccess: () => setStep('done'),
        onError: (failure) => {
          const filled: Field[] = [];
          if (perInhabitant) filled.push('perInhabitant');
          if (endDate) filled.push('endDate');
          if (paymentTermDays) filled.push('paymentTermDays');
          const mapped = fieldErrorsOf(failure, filled);
          if (Object.keys(mapped).length) {
            setErrors(mapped);
            setStep('form');
          }
        },
      },
    );

  if (contract.status !== 'ACTIVE') {
    return (
      <>
        <PageHeading key="form">Contract wijzigen</PageHeading>
        <Alert type="info">Alleen een actief contract wordt gewijzigd met een wijziging vanaf een datum.</Alert>
      </>
    );
  }

  const edit = () => setStep('form');
  const changes: CheckAnswerRow[] = [];
  if (perInhabitant)
    changes.push({
      key: 'Nieuw tarief per inwoner per jaar',
      value: tariff(tariffInput(perInhabitant)),
      change: { label: 'tarief', onClick: edit },
    });
  if (endDate)
    changes.push({ key: 'Nieuwe einddatum', value: dateLong(endDate), change: { label: 'einddatum', onClick: edit } });
  if (paymentTermDays)
    changes.push({
      key: 'Nieuwe betaaltermijn',
      value: plural(Number(paymentTermDays), 'dag', 'dagen'),
      change: { label: 'betaaltermijn', onClick: edit },
    });

  if (step === 'done' && amend.data) {
    return (
      <TaskConfirmation
        title="Wijziging vastgelegd"
        lead={`Wijziging ${amend.data.number} gaat in op ${dateLong(amend.data.effectiveDate)}.`}
        contract={contract}
        impact={amend.data.billingImpact}
        back={{ to: back, label: 'Terug naar de wijzigingen' }}
      >
        <p className="utrecht-paragraph">Nieuwe factuurrondes rekenen vanaf die datum met de nieuwe voorwaarden.</p>
      </TaskConfirmation>
    );
  }

  if (step === 'check') {
    return (
      <>
        <PageHeading key="check">Controleer de wijziging</PageHeading>
        <p className="utrecht-paragraph">
          Er is nog niets opgeslagen. Een wijziging kan niet worden teruggedraaid. Klopt alles, kies dan Bevestigen.
        </p>
        <CheckAnswers
          rows={[
            { key: 'Contract', value: `${contract.reference}: ${contract.title}` },
            { key: 'Ingangsdatum', value: dateLong(effectiveDate), change: { label: 'ingangsdatum', onClick: edit } },
            ...changes,
            { key: 'Reden', value: reason.trim(), change: { label: 'reden', onClick: edit } },
          ]}
        />
        <ConfirmActions mutation={amend} onConfirm={confirm} />
      </>
    );
  }

  return (
    <>
      <PageHeading key="form">Contract wijzigen</PageHeading>
      <p className="utrecht-paragraph">
        Een wijziging geldt vanaf een datum. Het contract loopt nu {period(contract.startDate, contract.endDate)}.
      </p>
      <TaskForm errors={errors} onSubmit={check} back={back}>
        <TextField
          id="effectiveDate"
          label="Ingangsdatum"
          type="date"
          value={effectiveDate}
          onChange={setEffectiveDate}
          error={errors.effectiveDate}
          required
        />
        <TextField
          id="perInhabitant"
          label="Nieuw tarief per inwoner per jaar (niet verplicht)"
          description="In euro, excl. btw, bijvoorbeeld 0,26."
          inputMode="decimal"
          value={perInhabitant}
          onChange={setPerInhabitant}
          error={errors.perInhabitant}
        />
        <TextField
          id="endDate"
          label="Nieuwe einddatum (niet verplicht)"
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={errors.endDate}
        />
        <TextField
          id="paymentTermDays"
          label="Nieuwe betaaltermijn in dagen (niet verplicht)"
          inputMode="numeric"
          value={paymentTermDays}
          onChange={setPaymentTermDays}
          error={errors.paymentTermDays}
        />
        <ReasonField
          description="Bijvoorbeeld: indexatie tarief 2027."
          value={reason}
          onChange={setReason}
          error={errors.reason}
        />
      </TaskForm>
    </>
  );
}
