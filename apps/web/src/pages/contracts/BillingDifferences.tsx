import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { $api, apiClient, queryClient } from '../../api/client';
import type { components } from '../../api/schema';
import { ExportLinks } from '../../components/ExportLinks';
import { SelectField } from '../../components/fields';
import { Alert, Button, ErrorAlert, Loading, SortableTable } from '../../components/ui';
import { euroCents, plural, yearOptions } from '../../format';
import type { Contract } from './labels';

type CorrectionPlan = components['schemas']['CorrectionDryRunDto'];
type Run = components['schemas']['InvoiceRunDto'];

/**
 * What was billed against what is due today, per municipality with a difference, and the
 * correction run after a check of what it will issue (check your answers); started only by
 * "Correctierun starten", after which the confirmation page says what happens next.
 */
export function BillingDifferences({ contract }: { contract: Contract }) {
  const navigate = useNavigate();
  const years = yearOptions(0, Number(contract.startDate.slice(0, 4)));
  const [year, setYear] = useState(String(years.find((y) => y < new Date().getFullYear()) ?? years[0]));
  const [plan, setPlan] = useState<CorrectionPlan | null>(null);
  // One key per check: a double click starts one correction run.
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const differences = $api.useQuery('get', '/api/v1/contracts/{id}/billing-differences', {
    params: { path: { id: contract.id }, query: { year: Number(year) } },
  });
  const prepare = useMutation({
    mutationFn: async () => {
      const { data } = await apiClient.POST('/api/v1/contracts/{id}/correction-runs', {
        params: { path: { id: contract.id }, query: { dryRun: 'true' } },
        body: { year: Number(year) },
      });
      return data as CorrectionPlan;
    },
    onSuccess: (answer) => {
      setIdempotencyKey(crypto.randomUUID());
      setPlan(answer);
    },
  });
  const start = useMutation({
    mutationFn: async () => {
      const { data } = await apiClient.POST('/api/v1/contracts/{id}/correction-runs', {
        params: { path: { id: contract.id }, header: { 'Idempotency-Key': idempotencyKey } },
        body: { year: Number(year) },
      });
      return data as Run;
    },
    onSuccess: (run) => {
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoice-runs'] });
      void navigate(`/factuurrondes/${run.id}/gestart`);
    },
  });
  const busy = prepare.isPending || start.isPending;
  const failure = prepare.error ?? start.error;

  return (
    <>
      <SelectField
        label="Gefactureerd jaar"
        description="Het jaar waarvan u de facturen naast de gegevens van nu legt."
        value={year}
        onChange={(value) => {
          setYear(value);
          setPlan(null);
        }}
        options={years}
      />
      <ExportLinks
        path={`/contracts/${contract.id}/billing-differences/export`}
        query={{ year }}
        fallbackName={`factuurverschillen-${year}`}
      />
      {differences.isPending ? <Loading label="Verschillen worden berekend…" /> : null}
      {differences.error ? <ErrorAlert error={differences.error} /> : null}
      {differences.data
        ? ((result) => {
            const differing = result.items.filter((item) => item.differenceCents !== 0);
            if (result.items.length === 0)
              return <p className="utrecht-paragraph">Over {year} is voor dit contract nog niets gefactureerd.</p>;
            if (differing.length === 0)
              return (
                <Alert type="ok" heading="Geen verschillen">
                  Wat over {year} is gefactureerd, klopt met de gegevens van nu (
                  {plural(result.items.length, 'gemeente', 'gemeenten')}).
                </Alert>
              );
            return (
              <>
                <Alert type="warning" heading="Verschillen met de gegevens van nu">
                  Bij {plural(differing.length, 'gemeente', 'gemeenten')} wijkt het gefactureerde bedrag af van wat nu
                  verschuldigd is: samen {euroCents(result.totals.differenceCents)} (excl. btw; negatief is te veel
                  gefactureerd).
                </Alert>
                <SortableTable
                  caption={`Verschillen over ${year}`}
                  columns={[
                    {
                      key: 'name',
                      header: 'Gemeente',
                      cell: (d) => `${d.name} (${d.municipalityCode})`,
                      sortValue: (d) => d.name,
                    },
                    { key: 'billed', header: 'Gefactureerd', cell: (d) => euroCents(d.billedCents), numeric: true },
                    { key: 'due', header: 'Verschuldigd', cell: (d) => euroCents(d.dueCents), numeric: true },
                    {
                      key: 'difference',
                      header: 'Verschil',
                      cell: (d) => euroCents(d.differenceCents),
                      sortValue: (d) => d.differenceCents,
                      numeric: true,
                    },
                    { key: 'reasons', header: 'Waarom', cell: (d) => d.reasons.join('; ') },
                  ]}
                  rows={differing}
                  rowKey={(d) => d.municipalityCode}
                />
                {contract.fundingModel === 'DIRECT_INVOICE' ? (
                  plan ? (
                    <section aria-labelledby="correctie-controle" className="card">
                      <h3 id="correctie-controle" className="utrecht-heading-3">
                        Controleer de correctierun
                      </h3>
                      <ul>
                        <li>
                          {plural(plan.creditNotes, 'creditnota', "creditnota's")} voor samen{' '}
                          {euroCents(plan.creditCents)} (excl. btw), per regel op de oorspronkelijke factuur
                        </li>
                        <li>
                          {plural(plan.supplementaryInvoices, 'aanvullende factuur', 'aanvullende facturen')} voor samen{' '}
                          {euroCents(plan.supplementCents)} (excl. btw), met verwijzing naar de oorspronkelijke factuur
                        </li>
                      </ul>
                      <p className="utrecht-paragraph">
                        De documenten krijgen een nummer en de datum van vandaag; ze worden niet meer gewijzigd.
                      </p>
                      <div className="actions">
                        <Button busy={start.isPending} disabled={prepare.isPending} onClick={() => start.mutate()}>
                          Correctierun starten
                        </Button>
                        <Button variant="secondary" onClick={() => setPlan(null)}>
                          Annuleren
                        </Button>
                      </div>
                    </section>
                  ) : (
                    <div className="actions">
                      <Button busy={busy} onClick={() => prepare.mutate()}>
                        Correctierun voorbereiden
                      </Button>
                    </div>
                  )
                ) : (
                  <p className="utrecht-paragraph">
                    Correctieruns zijn er voor facturen per gemeente; corrigeer deze documenten met een creditnota.
                  </p>
                )}
                {failure ? <ErrorAlert error={failure} /> : null}
              </>
            );
          })(differences.data)
        : null}
    </>
  );
}
