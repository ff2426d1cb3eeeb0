import { useMutation } from '@tanstack/react-query';
import { ChangeEvent, ReactNode, useState } from 'react';
import { queryClient, uploadCsv } from '../api/client';
import { ApiError } from '../api/errors';
import type { Schema } from '../api/types';
import { CardTable } from '../components/lists';
import { Alert, Button, ErrorAlert, Field, PageHeading, Section } from '../components/ui';
import { count, date, dateLong, plural, UNKNOWN } from '../format';
import { hasRole, useMe } from '../session';
import { dutchFileProblem } from './import-problems';

/** A problem of an uploaded file, as the API reports it (422, `problems`). */
interface FileProblem {
  line: number;
  field?: string;
  message: string;
}

type PopulationReport = Schema<'PopulationImportReportDto'>;
type BillingReport = Schema<'BillingDetailsImportReportDto'>;
/** The API document types a roll-over's `continued` and `conflicts` only as objects (RollOverPreviewDto): their shape here. */
type RollOverPreview = Omit<Schema<'RollOverPreviewDto'>, 'continued' | 'conflicts'> & {
  continued: Array<{ code: string; from: string; predecessors: string[] }>;
  conflicts: Array<{ code: string; predecessors: string[]; reason: string }>;
};
type ReorganisationReport = Omit<Schema<'ReorganisationImportReportDto'>, 'rollOvers'> & {
  rollOvers: RollOverPreview[];
};

/** The three imports of this page (paths after /api/v1). */
type ImportPath =
  '/reference-data/population-imports' | '/reference-data/reorganisation-imports' | '/billing-details/imports';

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
  path: ImportPath;
  report: (result: R) => ReactNode;
  applied: (result: R) => string;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The check (dry run) and the apply are one mutation each time: its last answer is what the page shows.
  const upload = useMutation<{ result: R; dryRun: boolean }, unknown, { file: File; dryRun: boolean }>({
    mutationFn: async ({ file: chosen, dryRun }) => ({ result: await uploadCsv<R>(path, chosen, dryRun), dryRun }),
    onSuccess: ({ result, dryRun }) => {
      if (dryRun) return;
      setDone(applied(result));
      setFile(null);
      // Figures, municipalities, participations and billing details change: every list loads again.
      void queryClient.invalidateQueries();
    },
  });
  const busy = upload.isPending;
  const failure = upload.error;
  const problems =
    failure instanceof ApiError && Array.isArray(failure.extensions.problems)
      ? (failure.extensions.problems as FileProblem[])
      : null;
  const error = failure !== null && !problems ? failure : null;
  const checked = upload.data?.dryRun ? upload.data.result : null;
  const send = (chosen: File, dryRun: boolean) => upload.mutate({ file: chosen, dryRun });
  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0] ?? null;
    setFile(chosen);
    setDone(null);
    if (chosen) send(chosen, true);
    else upload.reset();
  };

  return (
    <Section id={id} title={title}>
      {intro}
      {done && <Alert type="ok">{done}</Alert>}
      <Field label="Bestand (CSV)" description="UTF-8 of Windows-1252, hoogstens 5 MB.">
        {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={choose} disabled={busy} />}
      </Field>
      {error !== null ? <ErrorAlert error={error} /> : null}
      {problems && (
        <>
          <Alert type="error" heading="Het bestand is niet geladen">
            {plural(problems.length, 'probleem', 'problemen')} gevonden. Er is niets veranderd. Verbeter het bestand en
            kies het opnieuw.
          </Alert>
          <CardTable
            caption="Problemen in het bestand"
            columns={[
              { key: 'line', header: 'Regel', cell: (p) => count(p.line), numeric: true },
              { key: 'field', header: 'Kolom', cell: (p) => (p.field ? (FIELD_LABELS[p.field] ?? p.field) : UNKNOWN) },
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
            <Button busy={busy} onClick={() => send(file, false)}>
              Toepassen
            </Button>
            <Button
              variant="secondary"
              onClick={() => {
                upload.reset();
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
      <p className="utrecht-paragraph">
        {plural(result.rows, 'gemeente', 'gemeenten')} gelezen ({result.format}
        {result.skippedRegions ? `; ${count(result.skippedRegions)} andere regio's overgeslagen` : ''}).{' '}
        {result.changes.length === 0
          ? 'Het bestand verandert niets: deze cijfers zijn al geladen.'
          : `${plural(result.changes.length, 'cijfer', 'cijfers')} nieuw of gewijzigd.`}
      </p>
      <CardTable
        caption="Landelijk totaal op 1 januari"
        columns={[
          { key: 'year', header: 'Jaar', cell: (t) => t.year },
          { key: 'total', header: 'Totaal', cell: (t) => count(t.total), numeric: true },
          {
            key: 'previous',
            header: 'Jaar ervoor',
            cell: (t) => (t.previousYear === null ? UNKNOWN : count(t.previousYear)),
            numeric: true,
          },
          { key: 'municipalities', header: 'Gemeenten', cell: (t) => count(t.municipalities), numeric: true },
        ]}
        rows={result.totals}
        rowKey={(t) => String(t.year)}
      />
      <CardTable
        caption="Wijzigingen per gemeente"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (c) => `${c.name} (${c.code})` },
          { key: 'year', header: 'Jaar', cell: (c) => c.year },
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
      <p className="utrecht-paragraph">
        {plural(result.rows, 'regel', 'regels')} gelezen.{' '}
        {result.changes.length === 0
          ? 'Het bestand verandert niets.'
          : `${plural(result.changes.length, 'gegeven', 'gegevens')} nieuw of gewijzigd; een lege cel laat een gegeven zoals het is.`}
      </p>
      <CardTable
        caption="Wijzigingen per gemeente"
        columns={[
          { key: 'code', header: 'Gemeente', cell: (c) => c.code },
          {
            key: 'field',
            header: 'Gegeven',
            cell: (c) =>
              `${FIELD_LABELS[c.field] ?? c.field}${c.contractReference ? ` (${c.contractReference}, ${c.year})` : ''}`,
          },
          { key: 'previous', header: 'Was', cell: (c) => c.previous ?? UNKNOWN },
          { key: 'value', header: 'Wordt', cell: (c) => c.value ?? UNKNOWN },
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
      <p className="utrecht-paragraph">
        Herindeling per {dateLong(result.effectiveDate)}: {plural(result.rows, 'stap', 'stappen')}
        {result.unchanged === result.rows
          ? '; het bestand verandert niets, deze herindeling is al geladen.'
          : result.unchanged
            ? `, waarvan ${count(result.unchanged)} al geladen.`
            : '.'}
      </p>
      <CardTable
        caption="Nieuwe gemeenten"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (m) => `${m.name} (${m.code})` },
          { key: 'province', header: 'Provincie', cell: (m) => m.provinceCode },
        ]}
        rows={result.started}
        rowKey={(m) => m.code}
        empty="Geen nieuwe gemeenten."
      />
      <CardTable
        caption="Opgeheven gemeenten"
        columns={[
          { key: 'name', header: 'Gemeente', cell: (m) => `${m.name} (${m.code})` },
          { key: 'lastDay', header: 'Laatste dag', cell: (m) => date(m.lastDay) },
        ]}
        rows={result.ended}
        rowKey={(m) => m.code}
        empty="Geen gemeente wordt opgeheven."
      />
      <CardTable
        caption="Stappen"
        columns={[
          { key: 'line', header: 'Regel', cell: (s) => s.line, numeric: true },
          { key: 'from', header: 'Van', cell: (s) => `${s.oldName} (${s.oldCode})` },
          { key: 'to', header: 'Naar', cell: (s) => `${s.newName} (${s.newCode})` },
          { key: 'relation', header: 'Soort', cell: (s) => RELATION_LABELS[s.relation] ?? s.relation },
          { key: 'share', header: 'Aandeel adressen', cell: (s) => s.share ?? UNKNOWN },
          { key: 'loaded', header: 'Al geladen', cell: (s) => (s.loaded ? 'ja' : 'nee') },
        ]}
        rows={result.steps}
        rowKey={(s) => `${s.oldCode}-${s.newCode}`}
      />
      <CardTable
        caption="Deelnames die eindigen"
        columns={[
          {
            key: 'contract',
            header: 'Contract',
            cell: (p) => p.contractReference,
          },
          { key: 'name', header: 'Gemeente', cell: (p) => `${p.name} (${p.municipalityCode})` },
          { key: 'endsOn', header: 'Eindigt op', cell: (p) => date(p.endsOn) },
        ]}
        rows={result.endingParticipations}
        rowKey={(p) => `${p.contractReference}-${p.municipalityCode}`}
        empty="Geen deelname eindigt."
      />
      <CardTable
        caption="Overname van de deelname per contract"
        columns={[
          {
            key: 'contract',
            header: 'Contract',
            cell: (r) => r.contractReference,
          },
          {
            key: 'continued',
            header: 'Neemt deel over',
            cell: (r) =>
              r.continued
                .map((c) => `${named(c.code)} vanaf ${dateLong(c.from)}, van ${c.predecessors.map(named).join(' en ')}`)
                .join('; ') || UNKNOWN,
          },
          {
            key: 'conflicts',
            header: 'Besluit nodig',
            cell: (r) => r.conflicts.map((c) => `${named(c.code)}: ${c.reason}`).join('; ') || UNKNOWN,
          },
        ]}
        rows={result.rollOvers}
        rowKey={(r) => r.contractId}
        empty="Geen contract met deelnemers onder de opgeheven gemeenten."
      />
      <p className="utrecht-paragraph">
        Na toepassen krijgen de contractbeheerders van deze contracten een melding om de overname te bevestigen.
      </p>
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
      <p className="utrecht-paragraph">
        Kies een bestand: u ziet eerst wat het verandert. Pas daarna kiest u <strong>Toepassen</strong> of{' '}
        <strong>Annuleren</strong>.
      </p>
      {operator && (
        <FileImport<PopulationReport>
          id="bevolking"
          title="Bevolkingscijfers van het CBS"
          intro={
            <p className="utrecht-paragraph">
              Het inwonertal op 1 januari per gemeente: een export uit CBS StatLine (tabel 03759ned, met de kolommen
              RegioS, Perioden en BevolkingOp1Januari) of een bestand met de kolommen code, year en population.
            </p>
          }
          path="/reference-data/population-imports"
          report={(result) => <PopulationReportView result={result} />}
          applied={(result) =>
            `De bevolkingscijfers zijn geladen: ${plural(result.changes.length, 'wijziging', 'wijzigingen')}.`
          }
        />
      )}
      {operator && (
        <FileImport<ReorganisationReport>
          id="herindelingen"
          title="Herindelingen van gemeenten"
          intro={
            <p className="utrecht-paragraph">
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
            <p className="utrecht-paragraph">
              Een bestand met de kolommen code, oin, kvkNumber, street, postalCode, city en invoiceEmail (in die
              volgorde, gescheiden door komma's), eventueel gevolgd door contractReference, year en purchaseOrderNumber.
              Een lege cel laat een gegeven zoals het is. Zonder adres kan geen rechtsgeldige factuur worden gemaakt.
            </p>
          }
          path="/billing-details/imports"
          report={(result) => <BillingReportView result={result} />}
          applied={(result) =>
            `De factuurgegevens zijn opgeslagen: ${plural(result.changes.length, 'wijziging', 'wijzigingen')}.`
          }
        />
      )}
    </>
  );
}
