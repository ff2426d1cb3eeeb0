import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api, apiExchange } from '../../api/client';
import { ExportLinks } from '../../components/ExportLinks';
import { SelectField } from '../../components/fields';
import { Alert, Button, ErrorAlert, Loaded, SortableTable, useLoad } from '../../components/ui';
import { euroCents, yearOptions } from '../../format';
import type { Contract, InvoiceRun } from './labels';

/** GET /contracts/{id}/billing-differences (BillingDifferencesDto). */
interface Difference {
  municipalityCode: string;
  name: string;
  billedCents: number;
  dueCents: number;
  differenceCents: number;
  documents: Array<{ id: string; number: string; type: string }>;
  reasons: string[];
}

interface Differences {
  items: Difference[];
  totals: { billedCents: number; dueCents: number; differenceCents: number; municipalities: number };
}

/** POST /contracts/{id}/correction-runs?dryRun=true (CorrectionDryRunDto). */
interface CorrectionPlan {
  creditNotes: number;
  supplementaryInvoices: number;
  creditCents: number;
  supplementCents: number;
}

/**
 * What was billed against what is due today, per municipality with a difference, and the
 * correction run after a check of what it will issue (check your answers, then start).
 */
export function BillingDifferences({ contract }: { contract: Contract }) {
  const navigate = useNavigate();
  const years = yearOptions(0, Number(contract.startDate.slice(0, 4)));
  const [year, setYear] = useState(String(years.find((y) => y < new Date().getFullYear()) ?? years[0]));
  const [plan, setPlan] = useState<CorrectionPlan | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const state = useLoad(
    () => api<Differences>(`/contracts/${contract.id}/billing-differences`, { query: { year } }),
    [contract.id, year],
  );

  const prepare = async () => {
    setFailure(null);
    setBusy(true);
    try {
      setPlan(
        await api<CorrectionPlan>(`/contracts/${contract.id}/correction-runs`, {
          method: 'POST',
          query: { dryRun: 'true' },
          body: { year: Number(year) },
        }),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  const start = async () => {
    setFailure(null);
    setBusy(true);
    try {
      const { data } = await apiExchange<InvoiceRun>(`/contracts/${contract.id}/correction-runs`, {
        method: 'POST',
        body: { year: Number(year) },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      void navigate(`/factuurrondes/${data.id}`);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  };

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
      <Loaded state={state} label="Verschillen worden berekend…">
        {(result) => {
          const differing = result.items.filter((item) => item.differenceCents !== 0);
          if (result.items.length === 0)
            return <p className="utrecht-paragraph">Over {year} is voor dit contract nog niets gefactureerd.</p>;
          if (differing.length === 0)
            return (
              <Alert type="ok" heading="Geen verschillen">
                Wat over {year} is gefactureerd, klopt met de gegevens van nu ({result.items.length} gemeenten).
              </Alert>
            );
          return (
            <>
              <Alert type="warning" heading="Verschillen met de gegevens van nu">
                Bij {differing.length === 1 ? '1 gemeente' : `${differing.length} gemeenten`} wijkt het gefactureerde
                bedrag af van wat nu verschuldigd is: samen {euroCents(result.totals.differenceCents)} (excl. btw;
                negatief is te veel gefactureerd).
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
                        {plan.creditNotes === 1 ? '1 creditnota' : `${plan.creditNotes} creditnota's`} voor samen{' '}
                        {euroCents(plan.creditCents)} (excl. btw), per regel op de oorspronkelijke factuur
                      </li>
                      <li>
                        {plan.supplementaryInvoices === 1
                          ? '1 aanvullende factuur'
                          : `${plan.supplementaryInvoices} aanvullende facturen`}{' '}
                        voor samen {euroCents(plan.supplementCents)} (excl. btw), met verwijzing naar de oorspronkelijke
                        factuur
                      </li>
                    </ul>
                    <p className="utrecht-paragraph">
                      De documenten krijgen een nummer en de datum van vandaag; ze worden niet meer gewijzigd.
                    </p>
                    <div className="actions">
                      <Button busy={busy} onClick={() => void start()}>
                        Correctierun starten
                      </Button>
                      <Button variant="secondary" onClick={() => setPlan(null)}>
                        Annuleren
                      </Button>
                    </div>
                  </section>
                ) : (
                  <div className="actions">
                    <Button busy={busy} onClick={() => void prepare()}>
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
        }}
      </Loaded>
    </>
  );
}
