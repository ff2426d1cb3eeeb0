import { useState } from 'react';
import { download } from '../../api/client';
import { ApiError } from '../../api/errors';
import { Alert, Button, ErrorAlert } from '../../components/ui';
import { useMe } from '../../session';
import type { InvoiceDocument } from './types';

/** What the API's e-invoice problem says is missing (`missing`, codes), in plain Dutch. */
const UBL_GAPS: Record<string, string> = {
  'customer-identifier': 'het OIN (of KvK-nummer) van de ontvanger, waaraan de e-factuur wordt geadresseerd',
  'customer-address': 'een volledig factuuradres van de ontvanger (straat, postcode en plaats)',
  'supplier-kvk': 'het KvK-nummer van de aanbieder',
  'credited-invoice': 'de factuur die met deze creditnota wordt gecorrigeerd',
  // 'not-an-invoice': an allocation statement (handled below).
};

/** A 422 on GET /invoices/{id}/ubl as a Dutch sentence that says what is missing and what to do. */
export function ublProblemMessage(
  error: unknown,
  number: string,
  viewer: 'customer' | 'issuer' | 'other' = 'customer',
): string | null {
  if (!(error instanceof ApiError) || error.type !== 'e-invoice-incomplete') return null;
  const codes = Array.isArray(error.extensions.missing) ? (error.extensions.missing as string[]) : [];
  if (codes.includes('not-an-invoice'))
    return `${number} is een opgave van de uitname uit het gemeentefonds, geen factuur. Daarvan bestaat geen e-factuur; download de PDF.`;
  const missing = codes.map((code) => UBL_GAPS[code]).filter(Boolean);
  const list = missing.length ? missing.join('; ') : 'gegevens van de ontvanger of de aanbieder';
  const next =
    viewer === 'customer'
      ? 'De factuur is gemaakt met de gegevens van toen: vul de factuurgegevens aan en vraag de aanbieder zo nodig om een creditnota en een nieuwe factuur.'
      : viewer === 'issuer'
        ? 'De factuur is gemaakt met de gegevens van toen: vraag de ontvanger de factuurgegevens aan te vullen en maak zo nodig een creditnota en een nieuwe factuur.'
        : 'De factuur is gemaakt met de gegevens van toen.';
  return `Voor een e-factuur van ${number} ontbreken nog gegevens: ${list}. De PDF is wel beschikbaar. ${next}`;
}

/** A download that failed: the error, and a Dutch explanation when an e-invoice is incomplete. */
export interface DownloadProblem {
  message: string | null;
  error: unknown;
}

/** A failed download: what is missing for an e-invoice as a warning, anything else as an error. */
export function DownloadProblemAlert({ problem }: { problem: DownloadProblem | null }) {
  if (!problem) return null;
  if (!problem.message) return <ErrorAlert error={problem.error} />;
  return (
    <Alert type="warning" heading="E-factuur niet beschikbaar">
      {problem.message}
    </Alert>
  );
}

/** PDF and UBL (e-factuur) buttons for one document; problems go to `onError` as Dutch text. */
export function DocumentDownloads({
  doc,
  onError,
  onDone,
  long,
}: {
  doc: Pick<InvoiceDocument, 'id' | 'number' | 'type'>;
  /** A failed download (null when a new one starts). */
  onError: (problem: DownloadProblem | null) => void;
  onDone?: (name: string) => void;
  long?: boolean;
}) {
  const organisationKind = useMe().organisation.kind;
  const viewer =
    organisationKind === 'MUNICIPALITY' || organisationKind === 'ASSOCIATION'
      ? 'customer'
      : organisationKind === 'PROVIDER'
        ? 'issuer'
        : 'other';
  const [busy, setBusy] = useState<'pdf' | 'ubl' | null>(null);
  const get = async (kind: 'pdf' | 'ubl') => {
    setBusy(kind);
    onError(null);
    try {
      const name =
        kind === 'pdf'
          ? await download(`/invoices/${doc.id}/pdf`, { accept: 'application/pdf', fallbackName: `${doc.number}.pdf` })
          : await download(`/invoices/${doc.id}/ubl`, { accept: 'application/xml', fallbackName: `${doc.number}.xml` });
      onDone?.(name);
    } catch (error) {
      onError({ message: kind === 'ubl' ? ublProblemMessage(error, doc.number, viewer) : null, error });
    } finally {
      setBusy(null);
    }
  };
  return (
    <span className="actions invoice-downloads">
      <Button variant="secondary" busy={busy === 'pdf'} onClick={() => void get('pdf')}>
        {long ? 'PDF downloaden' : 'PDF'}
        <span className="visually-hidden"> van {doc.number}</span>
      </Button>
      {doc.type !== 'ALLOCATION_STATEMENT' ? (
        <Button variant="secondary" busy={busy === 'ubl'} onClick={() => void get('ubl')}>
          {long ? 'E-factuur (UBL) downloaden' : 'UBL'}
          <span className="visually-hidden">
            {long ? '' : ' (e-factuur)'} van {doc.number}
          </span>
        </Button>
      ) : null}
    </span>
  );
}
