import { FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Choice, PeriodFields, SelectField } from '../../components/fields';
import { ErrorSummary } from '../../components/check-answers';
import { Button } from '../../components/ui';
import { currentYear, yearOptions } from '../../format';
import { Contract } from './labels';
import { RunReadiness } from './RunReadiness';
import { ISO_DATE } from './steps';

type Errors = Partial<Record<'year' | 'periodStart' | 'periodEnd', string>>;
type Mode = 'year' | 'period';

/** The calendar years a run can bill: within the contract term, up to next year. */
function billableYears(contract: Contract): number[] {
  const last = contract.endDate ? Number(contract.endDate.slice(0, 4)) : Infinity;
  return yearOptions(1, Number(contract.startDate.slice(0, 4))).filter((year) => year <= last);
}

/**
 * "Factuurronde starten", step 1: a calendar year or a period. "Controleren" leads to the check
 * page (/contracten/:id/factuurronde-starten), which shows what the run will issue; only there
 * does "Factuurronde starten" start it.
 */
export function InvoiceRunForm({ contract }: { contract: Contract }) {
  const navigate = useNavigate();
  const years = billableYears(contract);
  const [mode, setMode] = useState<Mode>('year');
  const [year, setYear] = useState(String(years.find((y) => y <= currentYear()) ?? years[0] ?? ''));
  const [periodStart, setPeriodStart] = useState('');
  const [periodEnd, setPeriodEnd] = useState('');
  const [errors, setErrors] = useState<Errors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
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
    const search =
      mode === 'year' ? new URLSearchParams({ jaar: year }) : new URLSearchParams({ van: periodStart, tot: periodEnd });
    void navigate(`/contracten/${contract.id}/factuurronde-starten?${search.toString()}`);
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="factuurronde-kop">
      <ErrorSummary errors={errors} />
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
      <p className="utrecht-paragraph">
        U ziet eerst wat de ronde gaat maken: het aantal documenten en het verwachte totaal. Er wordt nog niets
        verstuurd.
      </p>
      <div className="actions">
        <Button type="submit">Controleren</Button>
      </div>
    </form>
  );
}
