import { FormEvent, ReactNode, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, apiExchange } from '../../api/client';
import { ApiError, isProblem } from '../../api/errors';
import { Choice, PeriodFields, SelectField } from '../../components/fields';
import { Alert, Button, ErrorAlert } from '../../components/ui';
import { currentYear, dateLong, dateTime, yearOptions } from '../../format';
import { Contract, InvoiceRun, period, RUN_STATUS } from './labels';
import { RunReadiness } from './RunReadiness';

type Errors = Partial<Record<'year' | 'periodStart' | 'periodEnd', string>>;
type Mode = 'year' | 'period';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar years a run can bill: within the contract term, up to next year. */
function billableYears(contract: Contract): number[] {
  const last = contract.endDate ? Number(contract.endDate.slice(0, 4)) : Infinity;
  return yearOptions(1, Number(contract.startDate.slice(0, 4))).filter((year) => year <= last);
}

/** Why the API would not start the run, in Dutch, with the reason (and the run it clashes with). */
async function refusal(error: unknown, contract: Contract): Promise<ReactNode> {
  if (!isProblem(error)) return null;
  const problem = error.extensions as { runId?: string; referenceDate?: string };
  switch (error.type) {
    case 'period-already-invoiced': {
      const other = problem.runId ? await api<InvoiceRun>(`/invoice-runs/${problem.runId}`).catch(() => null) : null;
      return (
        <>
          Een deel van deze periode is al gefactureerd
          {other
            ? ` in de factuurronde over ${dateLong(other.period.start)} t/m ${dateLong(other.period.end)}`
            : ' in een eerdere factuurronde'}
          . Dezelfde dagen kunnen niet twee keer worden gefactureerd; corrigeer verstuurde facturen met een creditnota.{' '}
          {problem.runId ? (
            <Link className="utrecht-link" to={`/factuurrondes/${problem.runId}`}>
              Bekijk die factuurronde
            </Link>
          ) : null}
        </>
      );
    }
    case 'contract-not-billable':
      return contract.status === 'DRAFT'
        ? 'Dit contract is nog een concept. Activeer het voordat u factureert.'
        : `Deze periode valt buiten de looptijd van het contract (${period(contract.startDate, contract.endDate)}).`;
    case 'population-missing':
      return `Voor de peildatum ${dateLong(problem.referenceDate)} zijn nog geen inwonertallen van het CBS ingelezen. Vraag platformbeheer om die eerst in te lezen.`;
    case 'not-allowed-to-invoice':
      return 'Alleen de contractbeheerder van de opdrachtgever of de aanbieder kan voor dit contract een factuurronde starten.';
    default:
      return null;
  }
}

function fieldErrorsOf(error: unknown): Errors {
  const errors: Errors = {};
  if (!(error instanceof ApiError)) return errors;
  for (const problem of error.fieldErrors) {
    if (problem.field === 'year') errors.year = 'Kies een jaar vanaf 2015.';
    else if (problem.field === 'periodStart') errors.periodStart = 'Vul een geldige begindatum in.';
    else if (problem.field === 'periodEnd') errors.periodEnd = 'De einddatum mag niet vóór de begindatum liggen.';
  }
  return errors;
}

/** "Factuurronde starten": a calendar year or a period; a new run opens its progress page. */
export function InvoiceRunForm({ contract }: { contract: Contract }) {
  const navigate = useNavigate();
  const years = billableYears(contract);
  const [mode, setMode] = useState<Mode>('year');
  const [year, setYear] = useState(String(years.find((y) => y <= currentYear()) ?? years[0] ?? ''));
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<ReactNode>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [existing, setExisting] = useState<InvoiceRun | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setRefused(null);
    setFailure(null);
    setExisting(null);
    const found: Errors = {};
    if (mode === 'year' && !year) found.year = 'Kies het jaar dat u wilt factureren.';
    if (mode === 'period') {
      if (!periodStart) found.periodStart = 'Vul de eerste dag van de periode in.';
      else if (!ISO_DATE.test(periodStart)) found.periodStart = 'Vul een geldige datum in, zoals 1-1-2026.';
      if (!periodEnd) found.periodEnd = 'Vul de laatste dag van de periode in.';
      else if (!ISO_DATE.test(periodEnd)) found.periodEnd = 'Vul een geldige datum in, zoals 31-3-2026.';
      else if (periodStart && periodEnd < periodStart)
        found.periodEnd = 'De laatste dag mag niet vóór de eerste dag liggen.';
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const body = mode === 'year' ? { year: Number(year) } : { periodStart, periodEnd };
      const { status, data } = await apiExchange<InvoiceRun>(`/contracts/${contract.id}/invoice-runs`, {
        method: 'POST',
        body,
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      if (status === 202) {
        void navigate(`/factuurrondes/${data.id}`);
        return;
      }
      setExisting(data);
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (!Object.keys(fields).length) {
        const reason = await refusal(error, contract);
        if (reason) setRefused(reason);
        else setFailure(error);
      }
    } finally {
      setBusy(false);
    }
  }

  const messages = Object.values(errors).filter(Boolean);
  return (
    <form className="form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="factuurronde-kop">
      {messages.length ? (
        <Alert type="error" heading="Controleer het formulier">
          {messages.join(' ')}
        </Alert>
      ) : null}
      {refused ? (
        <Alert type="error" heading="De factuurronde is niet gestart">
          {refused}
        </Alert>
      ) : null}
      {failure ? <ErrorAlert error={failure} /> : null}
      {existing ? (
        <Alert type="info" heading="Deze periode heeft al een factuurronde">
          De ronde over {dateLong(existing.period.start)} t/m {dateLong(existing.period.end)} is gestart op{' '}
          {dateTime(existing.createdAt)} ({(RUN_STATUS[existing.status]?.label ?? existing.status).toLowerCase()}). Er
          worden geen nieuwe facturen gemaakt.{' '}
          <Link className="utrecht-link" to={`/factuurrondes/${existing.id}`}>
            Bekijk de factuurronde
          </Link>
        </Alert>
      ) : null}
      <fieldset className="utrecht-form-fieldset">
        <legend className="utrecht-form-fieldset__legend">Wat wilt u factureren?</legend>
        <div className="radio-list">
          <Choice type="radio" name="run-mode" value="year" checked={mode === 'year'} onChange={() => setMode('year')}>
            Een kalenderjaar
          </Choice>
          <Choice
            type="radio"
            name="run-mode"
            value="period"
            checked={mode === 'period'}
            onChange={() => setMode('period')}
          >
            Een andere periode (bijvoorbeeld een kwartaal)
          </Choice>
        </div>
      </fieldset>
      {mode === 'year' ? (
        <SelectField
          label="Jaar"
          description="Alle deelnemende gemeenten met een factuuradres krijgen een factuur over dit jaar; de andere worden vastgehouden."
          error={errors.year}
          value={year}
          onChange={setYear}
          options={years}
        />
      ) : (
        <PeriodFields
          from={{ label: 'Eerste dag', error: errors.periodStart, value: periodStart, onChange: setPeriodStart }}
          to={{ label: 'Laatste dag', error: errors.periodEnd, value: periodEnd, onChange: setPeriodEnd }}
        />
      )}
      {mode === 'year' && year ? <RunReadiness contractId={contract.id} year={year} /> : null}
      <div className="actions">
        <Button type="submit" busy={busy}>
          {busy ? 'Factuurronde wordt gestart…' : 'Factuurronde starten'}
        </Button>
      </div>
    </form>
  );
}
