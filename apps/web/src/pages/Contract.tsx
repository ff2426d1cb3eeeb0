import { Link, useParams } from 'react-router';
import { api } from '../api/client';
import { BY_NAME, Column, DataList, Loaded, PageHeading, Section, SortableTable, useLoad } from '../components/ui';
import { dateLong, dateTime, today } from '../format';
import { hasRole, useMe } from '../session';
import { RollOverForm } from './contracts/RollOverForm';
import { BillingDifferences } from './contracts/BillingDifferences';
import { ContractStatusBadge } from './Contracts';
import { EnrolForm } from './contracts/EnrolForm';
import { InvoiceRunForm } from './contracts/InvoiceRunForm';
import {
  Amendment,
  AMENDMENT_FIELD,
  BILLING_FREQUENCY,
  Contract,
  CONTRACT_KIND,
  ContractException,
  DUTY,
  EXCEPTION_KIND,
  FUNDING_MODEL,
  labelOf,
  Participant,
  period,
  REFERENCE_DATE_RULE,
  Tariff,
  tariff,
  VAT_CATEGORY,
} from './contracts/labels';
import { ParticipantsTable } from './contracts/Participants';

interface ContractDetails {
  contract: Contract;
  exceptions: ContractException[];
  amendments: Amendment[];
}

async function loadDetails(id: string): Promise<ContractDetails> {
  const [contract, exceptions, amendments] = await Promise.all([
    api<Contract>(`/contracts/${id}`),
    api<ContractException[]>(`/contracts/${id}/exceptions`),
    api<Amendment[]>(`/contracts/${id}/amendments`),
  ]);
  return { contract, exceptions, amendments };
}

const isNamed = (item: unknown): item is { name: unknown } =>
  typeof item === 'object' && item !== null && 'name' in item;

/** A scalar as text; anything else as JSON. */
const plain = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);

/** An amendment's before/after value: dates and tariffs the Dutch way. */
function changeValue(field: string, value: unknown): string {
  if (value === null || value === undefined) return field === 'endDate' ? 'geen einddatum' : '–';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateLong(value);
  if ((field === 'perInhabitant' || field === 'tariff') && typeof value === 'string') return tariff(value);
  if (Array.isArray(value))
    return value.length === 0
      ? 'geen'
      : value.map((item: unknown) => (isNamed(item) ? plain(item.name) : plain(item))).join(', ');
  return plain(value);
}

/** "Btw standaardtarief (21,00%)", or the exemption reason when it says more than the category. */
function vatText(contract: Contract): string {
  const category = labelOf(VAT_CATEGORY, contract.vatCategory);
  if (contract.vatCategory === 'S') return `${category} (${contract.vatRate.replace('.', ',')}%)`;
  if (!contract.vatExemptionReason) return category;
  return contract.vatExemptionReason.toLowerCase().startsWith(category.toLowerCase())
    ? contract.vatExemptionReason
    : `${category}: ${contract.vatExemptionReason}`;
}

export function ContractPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const details = useLoad(() => loadDetails(id), [id]);
  const participants = useLoad(
    () => api<{ items: Participant[]; total: number }>(`/contracts/${id}/participants`),
    [id],
  );
  const day = today();

  const tariffColumns: Column<Tariff>[] = [
    { key: 'amount', header: 'Per inwoner per jaar', cell: (t) => tariff(t.perInhabitant), numeric: true },
    { key: 'from', header: 'Geldig vanaf', cell: (t) => dateLong(t.validFrom) },
    { key: 'to', header: 'Geldig tot en met', cell: (t) => (t.validTo ? dateLong(t.validTo) : 'geen einddatum') },
    {
      key: 'now',
      header: 'Nu van kracht',
      cell: (t) => (t.validFrom <= day && (t.validTo === null || t.validTo >= day) ? 'Ja' : 'Nee'),
    },
  ];
  const exceptionColumns: Column<ContractException>[] = [
    { key: 'name', header: 'Gemeente', cell: (e) => `${e.name} (${e.code})`, sortValue: (e) => e.name },
    { key: 'kind', header: 'Soort', cell: (e) => labelOf(EXCEPTION_KIND, e.kind), sortValue: (e) => e.kind },
    { key: 'reason', header: 'Reden', cell: (e) => e.reason },
    { key: 'period', header: 'Periode', cell: (e) => period(e.from, e.to), sortValue: (e) => e.from },
  ];
  const amendmentColumns: Column<Amendment>[] = [
    { key: 'number', header: 'Nr.', cell: (a) => a.number, sortValue: (a) => a.number, numeric: true },
    { key: 'date', header: 'Ingangsdatum', cell: (a) => dateLong(a.effectiveDate), sortValue: (a) => a.effectiveDate },
    { key: 'reason', header: 'Reden', cell: (a) => a.reason },
    {
      key: 'changes',
      header: 'Wijziging',
      cell: (a) => (
        <ul className="plain-list">
          {Object.entries(a.changes).map(([field, change]) => (
            <li key={field}>
              {labelOf(AMENDMENT_FIELD, field)}: {changeValue(field, change.before)} →{' '}
              {changeValue(field, change.after)}
            </li>
          ))}
        </ul>
      ),
    },
    { key: 'created', header: 'Vastgelegd', cell: (a) => dateTime(a.createdAt), sortValue: (a) => a.createdAt },
  ];

  if (details.status !== 'ready') {
    return (
      <>
        <PageHeading>Contract</PageHeading>
        <Loaded state={details} label="Contract wordt geladen…">
          {() => null}
        </Loaded>
      </>
    );
  }
  return (
    <Loaded state={details}>
      {({ contract, exceptions, amendments }) => {
        const own = contract.contractingOrganisation.id === me.organisation.id;
        const supplies = contract.supplier.id === me.organisation.id;
        const mayEnrol =
          own &&
          hasRole(me, 'CONTRACT_MANAGER', 'ORG_ADMIN') &&
          (contract.status === 'ACTIVE' || contract.status === 'DRAFT');
        const mayRollOver = own && hasRole(me, 'CONTRACT_MANAGER') && contract.status === 'ACTIVE';
        const mayInvoice =
          contract.status !== 'DRAFT' &&
          ((own && hasRole(me, 'CONTRACT_MANAGER')) || (supplies && hasRole(me, 'PROVIDER_ADMIN', 'FINANCE')));
        return (
          <>
            <p className="utrecht-paragraph back-link">
              <Link className="utrecht-link" to="/contracten">
                ← Alle contracten
              </Link>
            </p>
            <PageHeading
              title={`Contract ${contract.reference}`}
            >{`${contract.reference}: ${contract.title}`}</PageHeading>
            <p className="utrecht-paragraph">
              <ContractStatusBadge status={contract.status} />
            </p>
            <nav aria-label="Op deze pagina" className="toc">
              <ul className="plain-list toc__list">
                {[
                  ['gegevens', 'Gegevens'],
                  ['tarieven', 'Tarieven'],
                  ['deelnemers', 'Deelnemers'],
                  ['uitzonderingen', 'Uitzonderingen'],
                  ['wijzigingen', 'Wijzigingen'],
                  ...(mayEnrol ? [['aanmelden-kop', 'Gemeenten aanmelden']] : []),
                  ...(mayRollOver ? [['herindeling-kop', 'Herindeling overnemen']] : []),
                  ...(mayInvoice ? [['factuurronde-kop', 'Factuurronde starten']] : []),
                  ...(mayInvoice ? [['verschillen-kop', 'Verschillen en correcties']] : []),
                ].map(([target, text]) => (
                  <li key={target}>
                    <a className="utrecht-link" href={`#${target}`}>
                      {text}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>

            <Section id="gegevens" title="Gegevens">
              <div className="details-list">
                <DataList
                  items={[
                    ['Kenmerk', contract.reference],
                    ['Soort', labelOf(CONTRACT_KIND, contract.kind)],
                    ['Plicht', labelOf(DUTY, contract.dutyCode)],
                    ['Opdrachtgever', contract.contractingOrganisation.name],
                    ['Aanbieder', contract.supplier.name],
                    ['Diensten', contract.services.length ? contract.services.map((s) => s.name).join(', ') : 'geen'],
                    ['Looptijd', period(contract.startDate, contract.endDate)],
                    ['Financiering', labelOf(FUNDING_MODEL, contract.fundingModel)],
                    ['Facturering', labelOf(BILLING_FREQUENCY, contract.billingFrequency)],
                    ['Peildatum inwonertal', labelOf(REFERENCE_DATE_RULE, contract.referenceDateRule)],
                    ['Betaaltermijn', `${contract.paymentTermDays} dagen`],
                    ['Btw', vatText(contract)],
                    ...(contract.terminatedAt
                      ? ([
                          [
                            'Beëindigd',
                            `${dateTime(contract.terminatedAt)}${contract.terminationReason ? `: ${contract.terminationReason}` : ''}`,
                          ],
                        ] as Array<[string, string]>)
                      : []),
                  ]}
                />
              </div>
            </Section>

            <Section id="tarieven" title="Tarieven">
              <SortableTable
                caption="Tarief per inwoner per jaar (excl. btw)"
                columns={tariffColumns}
                rows={[...contract.tariffs].sort((a, b) => a.validFrom.localeCompare(b.validFrom))}
                rowKey={(t) => t.validFrom}
                empty="Dit contract heeft nog geen tarief."
              />
            </Section>

            <Section id="deelnemers" title="Deelnemers">
              <Loaded state={participants} label="Deelnemers worden geladen…">
                {(list) =>
                  list.items.length ? (
                    <ParticipantsTable participants={list.items} />
                  ) : (
                    <p className="utrecht-paragraph">Er nemen nog geen gemeenten deel.</p>
                  )
                }
              </Loaded>
            </Section>

            <Section id="uitzonderingen" title="Uitzonderingen">
              <SortableTable
                caption="Gemeenten die niet deelnemen"
                columns={exceptionColumns}
                rows={exceptions}
                rowKey={(e) => e.id}
                initialSort={BY_NAME}
                empty="Er zijn geen gemeenten uitgezonderd."
              />
            </Section>

            <Section id="wijzigingen" title="Wijzigingen">
              <SortableTable
                caption="Wijzigingen van het contract, op volgorde"
                columns={amendmentColumns}
                rows={amendments}
                rowKey={(a) => a.id}
                empty="Het contract is niet gewijzigd sinds het is ingegaan."
              />
            </Section>

            {mayEnrol ? (
              <Section id="aanmelden-kop" title="Gemeenten aanmelden">
                <p className="utrecht-paragraph">
                  Meld gemeenten aan die aan dit contract gaan deelnemen. Een gemeente die al onder een ander contract
                  voor deze plicht valt, of die is uitgezonderd, kan niet worden aangemeld.
                </p>
                <EnrolForm contract={contract} onEnrolled={participants.reload} />
              </Section>
            ) : null}

            {mayRollOver ? (
              <Section id="herindeling-kop" title="Herindeling overnemen">
                <p className="utrecht-paragraph">
                  Gaan deelnemende gemeenten op in een nieuwe of andere gemeente, dan neemt die hun deelname over vanaf
                  de datum van de herindeling. Gaat niet elke voorganger mee, of valt de gemeente onder een ander
                  contract, dan wordt niets overgenomen en ziet u waarom.
                </p>
                <RollOverForm contractId={contract.id} onRolledOver={participants.reload} />
              </Section>
            ) : null}

            {mayInvoice ? (
              <Section id="factuurronde-kop" title="Factuurronde starten">
                <p className="utrecht-paragraph">
                  {contract.fundingModel === 'FUND_WITHHOLDING'
                    ? 'Maakt voor elke deelnemende gemeente een verrekenoverzicht over de gekozen periode.'
                    : 'Maakt voor elke deelnemende gemeente een factuur over de gekozen periode: inwoners op de peildatum maal het tarief. Een periode wordt maar één keer gefactureerd.'}
                </p>
                <InvoiceRunForm contract={contract} />
              </Section>
            ) : null}

            {mayInvoice ? (
              <Section id="verschillen-kop" title="Verschillen en correcties">
                <p className="utrecht-paragraph">
                  Verandert er na de factuurronde iets (een deelname eindigt, een inwonertal of tarief wijzigt), dan
                  ziet u hier per gemeente wat gefactureerd is tegenover wat nu verschuldigd is, en waarom. Een
                  correctierun maakt de creditnota&apos;s en aanvullende facturen.
                </p>
                <BillingDifferences contract={contract} />
              </Section>
            ) : null}
          </>
        );
      }}
    </Loaded>
  );
}
