import { FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { $api, queryClient } from '../../api/client';
import { ApiError } from '../../api/errors';
import { TextField } from '../../components/fields';
import { Alert, ErrorAlert, Loading, PageHeading } from '../../components/ui';
import { dateLong, today } from '../../format';
import { Contract, period } from './labels';
import { CheckAnswers, ConfirmActions } from '../../components/check-answers';
import { ISO_DATE } from './steps';
import { TaskConfirmation, TaskForm } from './task';

type Step = 'form' | 'check' | 'done';

/**
 * Ends a municipality's participation on a date: the form, a check of what will happen (nothing is
 * saved before "Bevestigen"), and a confirmation that says what the end does to documents already issued.
 */
export function EndParticipationPage({ contract }: { contract: Contract }) {
  const { code = '' } = useParams();
  const [step, setStep] = useState<Step>('form');
  const [endDate, setEndDate] = useState('');
  const [error, setError] = useState<string | undefined>();
  const found = $api.useQuery('get', '/api/v1/contracts/{id}/participants', {
    params: { path: { id: contract.id }, query: { q: code, status: 'all', sort: '-from', limit: 20 } },
  });
  const end = $api.useMutation('delete', '/api/v1/contracts/{id}/participants/{code}', {
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/contracts/{id}/participants'] }),
  });
  const back = `/contracten/${contract.id}/deelnemers`;

  if (found.isPending) return <Loading label="Deelname wordt geladen…" />;
  if (found.isError) return <ErrorAlert error={found.error} />;
  const participations = found.data.items.filter((p) => p.code === code);
  const day = today();
  // The participation an end applies to: the open or latest one.
  const current = participations.find((p) => p.to === null || p.to >= day) ?? participations[0];
  if (!current) {
    return (
      <>
        <PageHeading key="form">Deelname beëindigen</PageHeading>
        <Alert type="warning">{code} neemt niet deel aan dit contract.</Alert>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={back}>
            Terug naar de deelnemers
          </Link>
        </p>
      </>
    );
  }
  const who = `${current.name} (${current.code})`;

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!endDate) setError('Vul de laatste dag van deelname in.');
    else if (!ISO_DATE.test(endDate)) setError('Vul een geldige datum in, zoals 31-08-2025.');
    else if (endDate < current.from)
      setError(`De laatste dag mag niet vóór het begin van de deelname liggen (${dateLong(current.from)}).`);
    else {
      setError(undefined);
      end.reset();
      setStep('check');
      return;
    }
  };

  const confirm = () =>
    end.mutate(
      { params: { path: { id: contract.id, code: current.code }, query: { endDate } } },
      {
        onSuccess: () => setStep('done'),
        onError: (failure) => {
          const field = failure instanceof ApiError ? failure.fieldErrors.find((f) => f.field === 'endDate') : null;
          if (field) {
            setError(
              `Deze datum kan niet: ${field.message.includes('before') ? `de deelname begon op ${dateLong(current.from)}` : 'controleer de datum'}.`,
            );
            setStep('form');
          }
        },
      },
    );

  if (step === 'done' && end.data) {
    return (
      <TaskConfirmation
        title="Deelname beëindigd"
        lead={`${who} neemt deel tot en met ${dateLong(end.data.to)}.`}
        contract={contract}
        impact={end.data.billingImpact}
        back={{ to: back, label: 'Terug naar de deelnemers' }}
      >
        <p className="utrecht-paragraph">
          Na {dateLong(end.data.to)} telt {current.name} niet meer mee in nieuwe factuurrondes van dit contract.
        </p>
      </TaskConfirmation>
    );
  }

  if (step === 'check') {
    return (
      <>
        <PageHeading key="check">Controleer het einde van de deelname</PageHeading>
        <p className="utrecht-paragraph">Er is nog niets opgeslagen. Klopt alles, kies dan Bevestigen.</p>
        <CheckAnswers
          rows={[
            { key: 'Contract', value: `${contract.reference}: ${contract.title}` },
            { key: 'Gemeente', value: who },
            { key: 'Deelname', value: period(current.from, current.to) },
            {
              key: 'Laatste dag van deelname',
              value: dateLong(endDate),
              change: { label: 'laatste dag van deelname', onClick: () => setStep('form') },
            },
          ]}
        />
        <p className="utrecht-paragraph">
          Is er over de periode na {dateLong(endDate)} al gefactureerd, dan ziet u na het bevestigen hoeveel te veel is
          gefactureerd; {contract.supplier.name} en {contract.contractingOrganisation.name} krijgen daarvan bericht.
        </p>
        <ConfirmActions mutation={end} onConfirm={confirm} />
      </>
    );
  }

  return (
    <>
      <PageHeading key="form">Deelname beëindigen</PageHeading>
      <p className="utrecht-paragraph">
        {who} neemt deel {period(current.from, current.to)}. Kies de laatste dag waarop de gemeente deelneemt.
      </p>
      <TaskForm errors={{ endDate: error }} onSubmit={check} back={back}>
        <TextField
          id="endDate"
          label="Laatste dag van deelname"
          description="Deze dag telt nog mee."
          type="date"
          value={endDate}
          onChange={setEndDate}
          error={error}
          required
        />
      </TaskForm>
    </>
  );
}
