import { ChangeEvent, ReactNode, useState } from 'react';
import { uploadCsv } from '../api/client';
import { ApiError } from '../api/errors';
import { Alert, Button, ErrorAlert, Field, PageHeading, Section, SortableTable } from '../components/ui';
import { count, dateLong } from '../format';
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

/** POST /reference-data/reorganisation-imports (ReorganisationImportReportDto). */
interface ReorganisationReport {
  applied: boolean;
  effectiveDate: string;
  rows: number;
  unchanged: number;
  started: Array<{ code: string; name: string; provinceCode: string }>;
  ended: Array<{ code: string; name: string; lastDay: string }>;
  steps: Array<{
    line: number;
    oldCode: string;
    oldName: string;
    newCode: string;
    newName: string;
    relation: string;
    share: string | null;
    loaded: boolean;
  }>;
  endingParticipations: Array<{ contractReference: string; municipalityCode: string; name: string; endsOn: string }>;
  rollOvers: Array<{
    contractId: string;
    contractReference: string;
    continued: Array<{ code: string; from: string; predecessors: string[] }>;
    alreadyParticipating: string[];
    conflicts: Array<{ code: string; predecessors: string[]; reason: string }>;
  }>;
  notified: number;
}

const RELATION_LABELS: Record<string, string> = {
  MERGED_INTO_NEW: 'samengevoegd tot een nieuwe gemeente',
  ABSORBED_BY_EXISTING: 'opgegaan in een bestaande gemeente',
  SPLIT_PART: 'gesplitst (deel)',
  RENAMED_NEW_CODE: 'nieuwe naam en code',
  BOUNDARY_CORRECTION_PART: 'grenscorrectie (deel)',
  MINOR_BOUNDARY_REMNANT: 'kleine grensrest',
};

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
function FileImport<R>({
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

function ReorganisationReportView({ result }: { result: ReorganisationReport }) {
  const name = new Map(result.steps.flatMap((s) => [[s.oldCode, s.oldName] as const, [s.newCode, s.newName] as const]));
  const named = (code: string) => `${name.get(code) ?? code} (${code})`;
  return (
    <>
      <p>
        Herindeling per {dateLong(result.effectiveDate)}: {count(result.rows)} stap{result.rows === 1 ? '' : 'pen'}
        {result.unchanged === result.rows
          ? '; het bestand verandert niets, deze herindeling is al geladen.'
          : result.unchanged
            ? `, waarvan ${count(result.unchanged)} al geladen.`
            : '.'}
      </p>
      <SortableTable
        caption="Nieuwe gemeenten"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (m) => `${m.name} (${m.code})`, sortValue: (m) => m.name },
          { key: 'province', header: 'Provincie', cell: (m) => m.provinceCode },
        ]}
        rows={result.started}
        rowKey={(m) => m.code}
        empty="Geen nieuwe gemeenten."
      />
      <SortableTable
        caption="Opgeheven gemeenten"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (m) => `${m.name} (${m.code})`, sortValue: (m) => m.name },
          { key: 'lastDay', header: 'Laatste dag', cell: (m) => dateLong(m.lastDay) },
        ]}
        rows={result.ended}
        rowKey={(m) => m.code}
        empty="Geen gemeente wordt opgeheven."
      />
      <SortableTable
        caption="Stappen"
        columns={[
          { key: 'line', header: 'Regel', cell: (s) => s.line, sortValue: (s) => s.line, numeric: true },
          { key: 'from', header: 'Van', cell: (s) => `${s.oldName} (${s.oldCode})` },
          { key: 'to', header: 'Naar', cell: (s) => `${s.newName} (${s.newCode})` },
          { key: 'relation', header: 'Soort', cell: (s) => RELATION_LABELS[s.relation] ?? s.relation },
          { key: 'share', header: 'Aandeel adressen', cell: (s) => s.share ?? '–' },
          { key: 'loaded', header: 'Al geladen', cell: (s) => (s.loaded ? 'ja' : 'nee') },
        ]}
        rows={result.steps}
        rowKey={(s) => `${s.oldCode}-${s.newCode}`}
      />
      <SortableTable
        caption="Deelnames die eindigen"
        columns={[
          {
            key: 'contract',
            header: 'Contract',
            cell: (p) => p.contractReference,
            sortValue: (p) => p.contractReference,
          },
          { key: 'name', header: 'Gemeente', cell: (p) => `${p.name} (${p.municipalityCode})` },
          { key: 'endsOn', header: 'Eindigt op', cell: (p) => dateLong(p.endsOn) },
        ]}
        rows={result.endingParticipations}
        rowKey={(p) => `${p.contractReference}-${p.municipalityCode}`}
        empty="Geen deelname eindigt."
      />
      <SortableTable
        caption="Overname van de deelname per contract"
        columns={[
          {
            key: 'contract',
            header: 'Contract',
            cell: (r) => r.contractReference,
            sortValue: (r) => r.contractReference,
          },
          {
            key: 'continued',
            header: 'Neemt deel over',
            cell: (r) =>
              r.continued
                .map((c) => `${named(c.code)} vanaf ${dateLong(c.from)}, van ${c.predecessors.map(named).join(' en ')}`)
                .join('; ') || '–',
          },
          {
            key: 'conflicts',
            header: 'Besluit nodig',
            cell: (r) => r.conflicts.map((c) => `${named(c.code)}: ${c.reason}`).join('; ') || '–',
          },
        ]}
        rows={result.rollOvers}
        rowKey={(r) => r.contractId}
        empty="Geen contract met deelnemers onder de opgeheven gemeenten."
      />
      <p>Na toepassen krijgen de contractbeheerders van deze contracten een melding om de overname te bevestigen.</p>
    </>
  );
}

/** The operator loads CBS figures, reorganisations and billing details; the VNG's contract manager billing details. */
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
      {operator && (
        <FileImport<ReorganisationReport>
          id="herindelingen"
          title="Herindelingen van gemeenten"
          intro={
            <p>
              Een herindeling op één datum, in de opmaak van het CBS-bestand mergers.csv: de kolommen effective_date,
              old_code, new_code, relation en evidence_source, eventueel old_name, new_name, new_province_code (nodig
              voor een nieuwe gemeente), share_of_old_addresses, addresses_moved en notes.
            </p>
          }
          path="/reference-data/reorganisation-imports"
          report={(result) => <ReorganisationReportView result={result} />}
          applied={(result) =>
            `De herindeling per ${dateLong(result.effectiveDate)} is geladen${
              result.notified ? `; ${count(result.notified)} contractbeheerder(s) kregen een melding` : ''
            }.`
          }
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
