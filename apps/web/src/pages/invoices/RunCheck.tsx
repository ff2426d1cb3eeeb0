import { useMutation } from '@tanstack/react-query';
import { ReactNode, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { $api, apiClient, queryClient } from '../../api/client';
import { ApiError, isProblem } from '../../api/errors';
import type { components } from '../../api/schema';
import { CheckAnswers, Confirmation } from '../../components/check-answers';
import { Alert, Button, ErrorAlert, Loading, PageHeading } from '../../components/ui';
import { count, dateLong, euroCents, plural } from '../../format';
import { RUN_KIND_LABELS } from './InvoiceRunsList';
import './invoices.css';

type Run = components['schemas']['InvoiceRunDto'];
type RunKind = Run['kind'];

const DOCUMENT_KIND: Record<string, [string, string]> = {
  INVOICE: ['factuur', 'facturen'],
  ALLOCATION_STATEMENT: ['opgave uitname gemeentefonds', 'opgaven uitname gemeentefonds'],
  CREDIT_NOTE: ['creditnota', "creditnota's"],
};

/** The period the address asks for: `?jaar=2025`, or `?van=2025-01-01&tot=2025-03-31`. */
function requestedPeriod(search: URLSearchParams): {
  body: { year?: number; periodStart?: string; periodEnd?: string };
} {
  const year = search.get('jaar');
  if (year) return { body: { year: Number(year) } };
  return { body: { periodStart: search.get('van') ?? undefined, periodEnd: search.get('tot') ?? undefined } };
}

/** A 409 for days invoiced already: which run has them, and the way to it. */
function OverlappingRun({ runId }: { runId?: string }) {
  const other = $api.useQuery(
    'get',
    '/api/v1/invoice-runs/{id}',
    { params: { path: { id: runId ?? '' } } },
    { enabled: Boolean(runId) },
  );
  return (
    <>
      Een deel van deze periode is al gefactureerd
      {other.data
        ? ` in de factuurronde over ${dateLong(other.data.period.start)} t/m ${dateLong(other.data.period.end)}`
        : ' in een eerdere factuurronde'}
      . Dezelfde dagen kunnen niet twee keer worden gefactureerd; corrigeer verstuurde facturen met een creditnota.{' '}
      {runId ? (
        <Link className="utrecht-link" to={`/factuurrondes/${runId}`}>
          Bekijk die factuurronde
        </Link>
      ) : null}
    </>
  );
}

/** Why the API will not start the run, in Dutch (null: show the API's own message). */
export function refusalOf(error: unknown, contractStatus?: string): ReactNode {
  if (!isProblem(error)) return null;
  const problem = error.extensions as { runId?: string; referenceDate?: string };
  switch (error.type) {
    case 'period-already-invoiced':
      return <OverlappingRun runId={problem.runId} />;
    case 'contract-not-billable':
      return contractStatus === 'DRAFT'
        ? 'Dit contract is nog een concept. Activeer het voordat u factureert.'
        : 'Deze periode valt buiten de looptijd van het contract.';
    case 'population-missing':
      return `Voor de peildatum ${dateLong(problem.referenceDate)} zijn nog geen inwonertallen van het CBS ingelezen. Vraag platformbeheer om die eerst in te lezen.`;
    case 'not-allowed-to-invoice':
      return 'Alleen de contractbeheerder van de opdrachtgever of de aanbieder kan voor dit contract een factuurronde starten.';
    default:
      return null;
  }
}

/**
 * Check your answers before an invoice run: the contract, the period and what the run will issue
 * (computed by a dry run, nothing issued yet). Only "Factuurronde starten" here starts it; then
 * the confirmation page says what happens next.
 */
export function InvoiceRunCheckPage() {
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const { body } = requestedPeriod(search);
  // One key for this check: a double click or a retry after a lost answer starts one run, not two.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [existing, setExisting] = useState<Run | null>(null);
  const contract = $api.useQuery('get', '/api/v1/contracts/{id}', { params: { path: { id } } });
  const plan = $api.useQuery('post', '/api/v1/contracts/{id}/invoice-runs', {
    params: { path: { id }, query: { dryRun: 'true' } },
    body,
  });
  const start = useMutation({
    mutationFn: async () => {
      const { data, response } = await apiClient.POST('/api/v1/contracts/{id}/invoice-runs', {
        params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey } },
        body,
      });
      return { status: response.status, run: data as Run };
    },
    onSuccess: ({ status, run }) => {
      void queryClient.invalidateQueries({ queryKey: ['get', '/api/v1/invoice-runs'] });
      if (status === 202) void navigate(`/factuurrondes/${run.id}/gestart`);
      else setExisting(run);
    },
  });

  const back = `/contracten/${id}/factuurrondes`;
  const dry = plan.data && 'lines' in plan.data ? plan.data : null;
  const refusal = plan.error ? refusalOf(plan.error, contract.data?.status) : null;
  const startRefusal = start.error ? refusalOf(start.error, contract.data?.status) : null;
  const [one, many] = DOCUMENT_KIND[dry?.documentType ?? 'INVOICE'] ?? DOCUMENT_KIND.INVOICE;
  const municipalities = dry ? new Set(dry.lines.map((line) => line.municipalityCode)).size : null;
  return (
    <>
      <p className="utrecht-paragraph back-link">
        <Link className="utrecht-link" to={back}>
          ← Terug naar het contract
        </Link>
      </p>
      <PageHeading title="Controleer de factuurronde">Controleer de factuurronde</PageHeading>
      {plan.isPending ? <Loading label="De factuurronde wordt doorgerekend…" /> : null}
      {plan.error ? (
        refusal ? (
          <Alert type="error" heading="Deze factuurronde kan niet starten">
            {refusal}
          </Alert>
        ) : (
          <ErrorAlert error={plan.error} />
        )
      ) : null}
      {dry ? (
        <>
          <p className="utrecht-paragraph">
            Controleer wat de factuurronde gaat maken. Er is nog niets verstuurd of genummerd.
          </p>
          <CheckAnswers
            rows={[
              {
                key: 'Contract',
                value: contract.data ? `${contract.data.reference}: ${contract.data.title}` : '-',
              },
              {
                key: 'Periode',
                value: `${dateLong(dry.period.start)} t/m ${dateLong(dry.period.end)}`,
                change: { to: back, label: 'periode' },
              },
              { key: 'Peildatum inwonertal (CBS)', value: dateLong(dry.referenceDate) },
              { key: 'Gemeenten met een bedrag', value: count(municipalities) },
              { key: 'Documenten', value: plural(dry.documents, one, many) },
              {
                key: 'Vastgehouden (geen factuuradres)',
                value: dry.heldCount ? plural(dry.heldCount, 'gemeente', 'gemeenten') : 'Geen',
              },
              { key: 'Verwacht totaal (excl. btw)', value: euroCents(dry.subtotalCents) },
            ]}
          />
          <Alert type="warning" heading="Dit kunt u niet ongedaan maken">
            De documenten krijgen een nummer en de datum van vandaag en worden niet meer gewijzigd. Een fout herstelt u
            daarna alleen met een creditnota of een correctierun.
          </Alert>
          {existing ? (
            <Alert type="info" heading="Deze periode heeft al een factuurronde">
              Er zijn geen nieuwe documenten gemaakt.{' '}
              <Link className="utrecht-link" to={`/factuurrondes/${existing.id}`}>
                Bekijk de factuurronde
              </Link>
            </Alert>
          ) : null}
          {start.error ? (
            startRefusal ? (
              <Alert type="error" heading="De factuurronde is niet gestart">
                {startRefusal}
              </Alert>
            ) : (
              <ErrorAlert error={start.error} />
            )
          ) : null}
          <div className="actions actions--with-link">
            <Button busy={start.isPending} disabled={Boolean(existing)} onClick={() => start.mutate()}>
              {start.isPending ? 'Factuurronde wordt gestart…' : 'Factuurronde starten'}
            </Button>
            <Link className="utrecht-link" to={back}>
              Annuleren
            </Link>
          </div>
        </>
      ) : null}
    </>
  );
}

/** "Factuurronde gestart": what happens next, and where to follow it (after an invoice or correction run started). */
export function RunStartedPage() {
  const { id = '' } = useParams();
  const run = $api.useQuery('get', '/api/v1/invoice-runs/{id}', { params: { path: { id } } });
  if (run.isPending) return <Loading label="Factuurronde wordt geladen…" />;
  if (run.error || !run.data) return <ErrorAlert error={run.error ?? new ApiError(404, 'Niet gevonden')} />;
  const kind: RunKind = run.data.kind;
  const { start, end } = run.data.period;
  return (
    <Confirmation title={`${RUN_KIND_LABELS[kind]} gestart`}>
      <p className="utrecht-paragraph">
        De {kind === 'CORRECTION' ? 'correctierun' : 'factuurronde'} over {dateLong(start)} t/m {dateLong(end)} is
        gestart op verzoek van uw organisatie.
      </p>
      <h2 className="utrecht-heading-2">Wat gebeurt er nu</h2>
      <ul className="utrecht-unordered-list">
        <li className="utrecht-unordered-list__item">
          {kind === 'CORRECTION'
            ? "Het platform maakt op de achtergrond de creditnota's en aanvullende facturen voor de verschillen."
            : 'Het platform maakt op de achtergrond de documenten, één per gemeente; bij honderden gemeenten duurt dat enkele minuten.'}
        </li>
        <li className="utrecht-unordered-list__item">
          U kunt deze pagina sluiten: de ronde gaat door. De voortgang, de documenten, de vastgehouden gemeenten en de
          aandachtspunten ziet u op de pagina van de ronde.
        </li>
        <li className="utrecht-unordered-list__item">
          Gemeenten zonder factuuradres worden vastgehouden; hun factuur maakt u daar zodra het adres is aangevuld.
        </li>
      </ul>
      <div className="actions actions--with-link">
        <Link className="utrecht-button-link utrecht-button-link--primary-action" to={`/factuurrondes/${id}`}>
          Volg de voortgang
        </Link>
        <Link className="utrecht-link" to={`/contracten/${run.data.contractId}/factuurrondes`}>
          Alle factuurrondes van dit contract
        </Link>
      </div>
    </Confirmation>
  );
}
