import { ChangeEvent, ReactNode, useState } from 'react';
import { uploadCsv } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert, Button, ErrorAlert, Field, PageHeading, Section, SortableTable } from '../components/ui';
import { count } from '../format';
import { hasRole, useMe } from '../session';
import { dutchFileProblem } from './import-problems';

/** A problem of an uploaded file, as the API reports it (422, `problems`). */
interface FileProblem {
  line: number;
  field?: string;
  message: string;
}

/** POST /reference-data/population-imports (PopulationImportReportDto). */
interface PopulationReport {
  applied: boolean;
  format: string;
  rows: number;
  skippedRegions: number;
  changes: Array<{ code: string; name: string; year: number; previous: number | null; population: number }>;
  totals: Array<{ year: number; total: number; previousYear: number | null; municipalities: number }>;
}

/** POST /billing-details/imports (BillingDetailsImportReportDto). */
interface BillingReport {
  applied: boolean;
  rows: number;
  changes: Array<{
    code: string;
    field: string;
    contractReference?: string;
    year?: number;
    previous: string | null;
    value: string | null;
  }>;
}

const FIELD_LABELS: Record<string, string> = {
  oin: 'OIN',
  kvkNumber: 'KvK-nummer',
  street: 'Straat',
  postalCode: 'Postcode',
  city: 'Plaats',
  invoiceEmail: 'E-mailadres voor facturen',
  purchaseOrderNumber: 'Inkoopordernummer',
  code: 'Gemeentecode',
  contractReference: 'Contract',
  year: 'Jaar',
};

/**
 * Loading a file in two steps, as with any change that reaches many municipalities: choose the
 * file and see what it would change (a dry run, nothing written), then apply it or cancel.
 */
function FileImport<R extends { changes: unknown[] }>({
  id,
  title,
  intro,
  path,
  report,
  applied,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  path: string;
  report: (result: R) => ReactNode;
  applied: (result: R) => string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<R | null>(null);
  const [problems, setProblems] = useState<FileProblem[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reset = () => {
    setChecked(null);
    setProblems(null);
    setError(null);
  };
  const send = async (chosen: File, dryRun: boolean) => {
    setBusy(true);
    reset();
    try {
      const result = await uploadCsv<R>(path, chosen, dryRun);
      if (dryRun) setChecked(result);
      else {
        setDone(applied(result));
        setFile(null);
      }
    } catch (caught) {
      if (caught instanceof ApiError && Array.isArray(caught.extensions.problems))
        setProblems(caught.extensions.problems as FileProblem[]);
      else setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setDone(null);
    if (chosen) void send(chosen, true);
  };

  return (
    <Section id={id} title={title}>
      {intro}
      {done && <Alert type="ok">{done}</Alert>}
      <Field label="Bestand (CSV)" description="UTF-8 of Windows-1252, hoogstens 5 MB.">
        {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} />}
      </Field>
      {error !== null && <ErrorAlert error={error} />}
      {problems && (
        <>
          <Alert type="error" heading="Het bestand is niet geladen">
            {count(problems.length)} probleem{problems.length === 1 ? '' : 'en'} gevonden. Er is niets veranderd.
            Verbeter het bestand en kies het opnieuw.
          </Alert>
          <SortableTable
            caption="Problemen in het bestand"
            columns={[
              { key: 'line', header: 'Regel', cell: (p) => p.line, sortValue: (p) => p.line, numeric: true },
              { key: 'field', header: 'Kolom', cell: (p) => (p.field ? (FIELD_LABELS[p.field] ?? p.field) : '') },
              { key: 'message', header: 'Probleem', cell: (p) => dutchFileProblem(p.message) },
            ]}
            rows={problems}
            rowKey={(p) => `${p.line}-${p.field ?? ''}-${p.message}`}
          />
        </>
      )}
      {checked && file && (
        <>
          <Alert type="info" heading="Controleer de wijzigingen">
            Het bestand {file.name} is gecontroleerd en nog niet toegepast.
          </Alert>
          {report(checked)}
          <div className="actions">
            <Button busy={busy} onClick={() => void send(file, false)}>
              Toepassen
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                reset();
                setFile(null);
              }}
            >
              Annuleren
            </Button>
          </div>
        </>
      )}
    </Section>
  );
}

function PopulationReportView({ result }: { result: PopulationReport }) {
  return (
    <>
      <p>
        {count(result.rows)} gemeenten gelezen ({result.format}
        {result.skippedRegions ? `; ${count(result.skippedRegions)} andere regio's overgeslagen` : ''}).{' '}
        {result.changes.length === 0
          ? 'Het bestand verandert niets: deze cijfers zijn al geladen.'
          : `${count(result.changes.length)} cijfers nieuw of gewijzigd.`}
      </p>
      <SortableTable
        caption="Landelijk totaal op 1 januari"
        columns={[
          { key: 'year', header: 'Jaar', cell: (t) => t.year, sortValue: (t) => t.year },
          { key: 'total', header: 'Totaal', cell: (t) => count(t.total), numeric: true },
          {
            key: 'previous',
            header: 'Jaar ervoor',
            cell: (t) => (t.previousYear === null ? '–' : count(t.previousYear)),
            numeric: true,
          },
          { key: 'municipalities', header: 'Gemeenten', cell: (t) => count(t.municipalities), numeric: true },
        ]}
        rows={result.totals}
        rowKey={(t) => String(t.year)}
      />
      <SortableTable
        caption="Wijzigingen per gemeente"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (c) => `${c.name} (${c.code})`, sortValue: (c) => c.name },
          { key: 'year', header: 'Jaar', cell: (c) => c.year, sortValue: (c) => c.year },
          {
            key: 'previous',
            header: 'Was',
            cell: (c) => (c.previous === null ? 'nieuw' : count(c.previous)),
            numeric: true,
          },
          {
            key: 'population',
            header: 'Wordt',
            cell: (c) => count(c.population),
            sortValue: (c) => c.population,
            numeric: true,
          },
        ]}
        rows={result.changes}
        rowKey={(c) => `${c.code}-${c.year}`}
        empty="Geen wijzigingen."
      />
    </>
  );
}

function BillingReportView({ result }: { result: BillingReport }) {
  return (
    <>
      <p>
        {count(result.rows)} regels gelezen.{' '}
        {result.changes.length === 0
          ? 'Het bestand verandert niets.'
          : `${count(result.changes.length)} gegevens nieuw of gewijzigd; een lege cel laat een gegeven zoals het is.`}
      </p>
      <SortableTable
        caption="Wijzigingen per gemeente"
        columns={[
          { key: 'code', header: 'Gemeente', cell: (c) => c.code, sortValue: (c) => c.code },
          {
            key: 'field',
            header: 'Gegeven',
            cell: (c) =>
              `${FIELD_LABELS[c.field] ?? c.field}${c.contractReference ? ` (${c.contractReference}, ${c.year})` : ''}`,
          },
          { key: 'previous', header: 'Was', cell: (c) => c.previous ?? '–' },
          { key: 'value', header: 'Wordt', cell: (c) => c.value ?? '–' },
        ]}
        rows={result.changes}
        rowKey={(c) => `${c.code}-${c.field}-${c.contractReference ?? ''}-${c.year ?? ''}`}
        empty="Geen wijzigingen."
      />
    </>
  );
}

/** The operator loads CBS figures and billing details; the VNG's contract manager billing details. */
export function ImportsPage() {
  const me = useMe();
  const operator = me.roles.includes('OPERATOR');
  return (
    <>
      <PageHeading>Gegevens laden</PageHeading>
      <p>
        Kies een bestand: u ziet eerst wat het verandert. Pas daarna kiest u <strong>Toepassen</strong> of{' '}
        <strong>Annuleren</strong>.
      </p>
      {operator && (
        <FileImport<PopulationReport>
          id="bevolking"
          title="Bevolkingscijfers van het CBS"
          intro={
            <p>
              Het inwonertal op 1 januari per gemeente: een export uit CBS StatLine (tabel 03759ned, met de kolommen
              RegioS, Perioden en BevolkingOp1Januari) of een bestand met de kolommen code, year en population.
            </p>
          }
          path="/reference-data/population-imports"
          report={(result) => <PopulationReportView result={result} />}
          applied={(result) => `De bevolkingscijfers zijn geladen: ${count(result.changes.length)} wijzigingen.`}
        />
      )}
      {(operator || hasRole(me, 'CONTRACT_MANAGER')) && (
        <FileImport<BillingReport>
          id="factuurgegevens"
          title="Factuurgegevens van gemeenten"
          intro={
            <p>
              Een bestand met de kolommen code, oin, kvkNumber, street, postalCode, city en invoiceEmail (in die
              volgorde, gescheiden door komma's), eventueel gevolgd door contractReference, year en purchaseOrderNumber.
              Een lege cel laat een gegeven zoals het is. Zonder adres kan geen rechtsgeldige factuur worden gemaakt.
            </p>
          }
          path="/billing-details/imports"
          report={(result) => <BillingReportView result={result} />}
          applied={(result) => `De factuurgegevens zijn opgeslagen: ${count(result.changes.length)} wijzigingen.`}
        />
      )}
    </>
  );
}
