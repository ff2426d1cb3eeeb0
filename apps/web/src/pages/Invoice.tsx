import { ReactNode, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import {
  Alert,
  Column,
  DataList,
  INVOICE_STATUS_LABELS,
  Loaded,
  PageHeading,
  SortableTable,
  useLoad,
} from '../components/ui';
import { count, dateLong, euroCents } from '../format';
import { hasRole, useMe } from '../session';
import { DocumentDownloads, DownloadProblem, DownloadProblemAlert } from './invoices/downloads';
import { PaymentForm } from './invoices/PaymentForm';
import { DOCUMENT_TYPE_LABELS, DocumentLine, InvoiceDocument, Payment, periodText } from './invoices/types';
import { DocumentStatusBadge } from './Invoices';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function InvoicePage() {
  const { id = '' } = useParams();
  const state = useLoad(
    () => (UUID.test(id) ? api<InvoiceDocument>(`/invoices/${id}`) : Promise.reject(new Error('not a document id'))),
    [id],
  );
  if (!UUID.test(id)) {
    return (
      <>
        <PageHeading>Factuur niet gevonden</PageHeading>
        <Alert type="error">Dit adres hoort niet bij een factuur. Kies een factuur in de lijst.</Alert>
        <BackLink />
      </>
    );
  }
  return (
    <Loaded state={state} label="De factuur wordt geladen…">
      {(doc) => <InvoiceView key={doc.id} initial={doc} />}
    </Loaded>
  );
}

function BackLink() {
  return (
    <p className="utrecht-paragraph">
      <Link className="utrecht-link" to="/facturen">
        ← Terug naar alle facturen
      </Link>
    </p>
  );
}

function InvoiceView({ initial }: { initial: InvoiceDocument }) {
  const me = useMe();
  const [doc, setDoc] = useState(initial);
  const [problem, setProblem] = useState<DownloadProblem | null>(null);
  const [recorded, setRecorded] = useState<string | null>(null);
  const recordedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (recorded) recordedRef.current?.focus();
  }, [recorded]);

  const label = DOCUMENT_TYPE_LABELS[doc.type] ?? 'Document';
  // POST /invoices/{id}/payments: the issuer's FINANCE (the API checks that the caller issued it), or an operator.
  const mayRecordPayments =
    (me.organisation.kind === 'PROVIDER' && hasRole(me, 'FINANCE')) || me.organisation.kind === 'OPERATOR';
  const payable = doc.type === 'INVOICE' && doc.outstandingCents > 0 && doc.status !== 'CREDITED';

  const lineColumns: Column<DocumentLine>[] = [
    { key: 'line', header: 'Regel', numeric: true, cell: (l) => l.lineNumber },
    {
      key: 'description',
      header: 'Omschrijving',
      cell: (l) => (
        <>
          {l.description}
          {l.approximationNote ? (
            <>
              <br />
              <em>Let op: {l.approximationNote}</em>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'calculation', header: 'Berekening', cell: (l) => l.calculation },
    {
      key: 'period',
      header: 'Periode',
      cell: (l) => `${periodText(l.period.start, l.period.end)} (${count(l.days)} dagen)`,
    },
    { key: 'amount', header: 'Bedrag', numeric: true, cell: (l) => euroCents(l.amountCents) },
  ];
  const paymentColumns: Column<Payment>[] = [
    { key: 'date', header: 'Datum', sortValue: (p) => p.date, cell: (p) => dateLong(p.date) },
    { key: 'reference', header: 'Kenmerk', cell: (p) => p.reference },
    {
      key: 'amount',
      header: 'Bedrag',
      numeric: true,
      sortValue: (p) => p.amountCents,
      cell: (p) => euroCents(p.amountCents),
    },
  ];

  return (
    <>
      <PageHeading title={`${label} ${doc.number}`}>
        {label} {doc.number}
      </PageHeading>
      <BackLink />
      <p className="utrecht-paragraph invoice-summary">
        <DocumentStatusBadge doc={doc} />{' '}
        {doc.type === 'INVOICE'
          ? `${euroCents(doc.totalCents)} van ${doc.supplierName} aan ${doc.customerName}; ${doc.outstandingCents > 0 ? `nog open: ${euroCents(doc.outstandingCents)}, te betalen vóór ${doc.dueDate ? dateLong(doc.dueDate) : '-'}` : 'niets meer open'}.`
          : doc.type === 'CREDIT_NOTE'
            ? `${euroCents(doc.totalCents)} gecrediteerd door ${doc.supplierName} aan ${doc.customerName}.`
            : `${euroCents(doc.totalCents)}: het aandeel van ${doc.customerName}, verrekend via de uitname uit het gemeentefonds${doc.issuerName ? `; opgesteld door ${doc.issuerName}` : ''}. Dit is geen factuur.`}
      </p>
      {recorded ? (
        <div ref={recordedRef} tabIndex={-1}>
          <Alert type="ok">{recorded}</Alert>
        </div>
      ) : null}
      <div className="actions">
        <DocumentDownloads long doc={doc} onError={setProblem} />
      </div>
      <DownloadProblemAlert problem={problem} />

      <h2 className="utrecht-heading-2">Gegevens</h2>
      <div className="key-values">
        <DataList
          items={[
            ['Soort', label],
            ['Nummer', doc.number],
            ['Status', <DocumentStatusBadge key="status" doc={doc} />],
            ...(doc.issuerName ? ([['Opgesteld door', doc.issuerName]] as Array<[string, string]>) : []),
            ['Aanbieder', doc.supplierName],
            ['Ontvanger', `${doc.customerName}${doc.municipalityCode ? ` (${doc.municipalityCode})` : ''}`],
            [
              'Contract',
              <Link key="contract" className="utrecht-link" to={`/contracten/${doc.contractId}`}>
                {doc.contractReference}
              </Link>,
            ],
            ['Periode', periodText(doc.period.start, doc.period.end)],
            ['Peildatum inwonertal (CBS)', dateLong(doc.referenceDate)],
            [doc.type === 'ALLOCATION_STATEMENT' ? 'Datum' : 'Factuurdatum', dateLong(doc.issueDate)],
            ...(doc.type === 'INVOICE' && doc.dueDate
              ? ([['Vervaldatum', dateLong(doc.dueDate)]] as Array<[string, string]>)
              : []),
            ['Inkoopordernummer', doc.purchaseOrderNumber ?? 'Geen'],
            ...(doc.credits
              ? ([
                  [
                    'Corrigeert factuur',
                    <Link key="credits" className="utrecht-link" to={`/facturen/${doc.credits.id}`}>
                      {doc.credits.number}
                    </Link>,
                  ],
                ] as Array<[string, ReactNode]>)
              : []),
          ]}
        />
      </div>

      <h2 className="utrecht-heading-2">Bedragen</h2>
      <div className="key-values">
        <DataList
          items={[
            // An allocation statement is no taxable supply: its share alone, as its PDF shows it.
            ...(doc.type === 'ALLOCATION_STATEMENT'
              ? ([['Totaal toegerekend', euroCents(doc.totalCents)]] as Array<[string, string]>)
              : ([
                  ['Subtotaal', euroCents(doc.subtotalCents)],
                  [
                    'Btw',
                    doc.vatCents === 0
                      ? `${euroCents(0)}${doc.vatExemptionReason ? ` (${doc.vatExemptionReason})` : ''}`
                      : `${euroCents(doc.vatCents)} (${Number(doc.vatRate).toLocaleString('nl-NL')}%)`,
                  ],
                  ['Totaal', euroCents(doc.totalCents)],
                ] as Array<[string, string]>)),
            ...(doc.type === 'INVOICE'
              ? ([
                  ['Betaald', euroCents(doc.paidCents)],
                  ['Gecrediteerd', euroCents(doc.creditedCents)],
                  ['Openstaand', euroCents(doc.outstandingCents)],
                ] as Array<[string, string]>)
              : []),
          ]}
        />
      </div>

      <SortableTable
        caption={`Regels van ${doc.number}`}
        columns={lineColumns}
        rows={doc.lines}
        rowKey={(l) => String(l.lineNumber)}
      />

      {doc.creditNotes.length ? (
        <>
          <h2 className="utrecht-heading-2">Creditnota&apos;s</h2>
          <ul className="utrecht-unordered-list">
            {doc.creditNotes.map((note) => (
              <li key={note.id} className="utrecht-unordered-list__item">
                <Link className="utrecht-link" to={`/facturen/${note.id}`}>
                  {note.number}
                </Link>{' '}
                ({euroCents(note.totalCents)})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {doc.type === 'INVOICE' ? (
        <>
          <h2 className="utrecht-heading-2">Betalingen</h2>
          <SortableTable
            caption={`Betalingen op ${doc.number}`}
            columns={paymentColumns}
            rows={doc.payments}
            rowKey={(p) => p.id}
            initialSort={{ key: 'date', direction: 'ascending' }}
            empty="Er is nog geen betaling geregistreerd."
          />
        </>
      ) : null}

      {mayRecordPayments && payable ? (
        <PaymentForm
          doc={doc}
          onRecorded={(updated, amountCents) => {
            setDoc(updated);
            setRecorded(
              `De betaling van ${euroCents(amountCents)} is geregistreerd. De status is nu: ${INVOICE_STATUS_LABELS[updated.status]?.label ?? updated.status}.`,
            );
          }}
        />
      ) : null}
    </>
  );
}
