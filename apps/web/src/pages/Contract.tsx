import './contracts/contract.css';
import { ReactNode } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { $api } from '../api/client';
import { DataList, ErrorAlert, Loading, PageHeading, Section } from '../components/ui';
import { count, date, dateLong, dateTime, plural, today } from '../format';
import { hasRole, useMe } from '../session';
import { AmendmentFormPage } from './contracts/AmendmentForm';
import { AmendmentsPage } from './contracts/Amendments';
import { BillingDifferences } from './contracts/BillingDifferences';
import { EndParticipationPage } from './contracts/EndParticipation';
import { EnrolForm } from './contracts/EnrolForm';
import { AddExceptionPage, ExceptionsPage } from './contracts/Exceptions';
import { InvoiceRunForm } from './contracts/InvoiceRunForm';
import { InvoiceRunsList } from './invoices/InvoiceRunsList';
import {
  BILLING_FREQUENCY,
  Contract,
  CONTRACT_KIND,
  DUTY,
  FUNDING_MODEL,
  labelOf,
  period,
  REFERENCE_DATE_RULE,
  tariff,
  tariffOn,
  VAT_CATEGORY,
} from './contracts/labels';
import { ParticipantsPage } from './contracts/Participants';
import { RollOverForm } from './contracts/RollOverForm';
import { TerminateContractPage } from './contracts/TerminateContract';
import { ContractStatusBadge } from './Contracts';

/** "Btw standaardtarief (21,00%)", or the exemption reason when it says more than the category. */
function vatText(contract: Contract): string {
  const category = labelOf(VAT_CATEGORY, contract.vatCategory);
  if (contract.vatCategory === 'S') return `${category} (${contract.vatRate.replace('.', ',')}%)`;
  if (!contract.vatExemptionReason) return category;
  return contract.vatExemptionReason.toLowerCase().startsWith(category.toLowerCase())
    ? contract.vatExemptionReason
    : `${category}: ${contract.vatExemptionReason}`;
}

/** What the signed-in user may do with this contract (the API decides again; this only hides what would be refused). */
function rightsOn(contract: Contract, me: ReturnType<typeof useMe>) {
  const own = contract.contractingOrganisation.id === me.organisation.id;
  const supplies = contract.supplier.id === me.organisation.id;
  const mayManage =
    (own && hasRole(me, me.organisation.kind === 'MUNICIPALITY' ? 'ORG_ADMIN' : 'CONTRACT_MANAGER')) ||
    me.organisation.kind === 'OPERATOR';
  const mayInvoice =
    contract.status !== 'DRAFT' &&
    ((own && hasRole(me, 'CONTRACT_MANAGER')) || (supplies && hasRole(me, 'PROVIDER_ADMIN', 'FINANCE')));
  return { mayManage, mayInvoice };
}

/**
 * One contract: a summary and tabs with their own addresses (deelnemers, uitzonderingen,
 * wijzigingen, verschillen, factuurrondes), and each task the API offers the role on a page of its own.
 */
export function ContractPage() {
  const { id = '' } = useParams();
  const me = useMe();
  const loaded = $api.useQuery('get', '/api/v1/contracts/{id}', { params: { path: { id } } });
  if (loaded.isPending) {
    return (
      <>
        <PageHeading>Contract</PageHeading>
        <Loading label="Contract wordt geladen…" />
      </>
    );
  }
  if (loaded.isError) {
    return (
      <>
        <PageHeading>Contract</PageHeading>
        <ErrorAlert error={loaded.error} />
      </>
    );
  }
  const contract = loaded.data as Contract;
  const { mayManage, mayInvoice } = rightsOn(contract, me);
  const task = (title: string, page: ReactNode) => (
    <TaskFrame contract={contract} title={title}>
      {page}
    </TaskFrame>
  );
  const tab = (page: ReactNode) => (
    <ContractTabs contract={contract} mayInvoice={mayInvoice}>
      {page}
    </ContractTabs>
  );
  return (
    <Routes>
      <Route index element={tab(<ContractSummary contract={contract} mayManage={mayManage} />)} />
      <Route path="deelnemers" element={tab(<ParticipantsPage contract={contract} mayManage={mayManage} />)} />
      <Route path="uitzonderingen" element={tab(<ExceptionsPage contract={contract} mayManage={mayManage} />)} />
      <Route path="wijzigingen" element={tab(<AmendmentsPage contract={contract} mayManage={mayManage} />)} />
      <Route
        path="verschillen"
        element={tab(
          <Section id="verschillen-kop" title="Verschillen en correcties">
            <p className="utrecht-paragraph">
              Verandert er na een factuurronde iets (een deelname eindigt, een inwonertal of tarief wijzigt), dan ziet u
              hier per gemeente wat gefactureerd is tegenover wat nu verschuldigd is, en waarom. Een correctieronde
              maakt de creditnota&apos;s en aanvullende facturen.
            </p>
            {mayInvoice ? (
              <BillingDifferences contract={contract} />
            ) : (
              <p className="utrecht-paragraph">
                De verschillen ziet de opdrachtgever of de aanbieder van dit contract.
              </p>
            )}
          </Section>,
        )}
      />
      {mayInvoice ? (
        <Route
          path="factuurrondes"
          element={tab(
            <>
              <Section id="factuurronde-kop" title="Factuurronde starten">
                <p className="utrecht-paragraph">
                  {contract.fundingModel === 'FUND_WITHHOLDING'
                    ? 'Maakt voor elke deelnemende gemeente een verrekenoverzicht over de gekozen periode.'
                    : 'Maakt voor elke deelnemende gemeente een factuur over de gekozen periode: inwoners op de peildatum maal het tarief. Een periode wordt maar één keer gefactureerd.'}{' '}
                  U controleert eerst wat de ronde maakt; pas daarna start hij.
                </p>
                <InvoiceRunForm contract={contract} />
              </Section>
              <Section id="factuurrondes-kop" title="Eerdere rondes">
                <InvoiceRunsList contractId={contract.id} />
              </Section>
            </>,
          )}
        />
      ) : null}
      {mayManage ? (
        <>
          <Route
            path="deelnemers/aanmelden"
            element={task(
              'Gemeenten aanmelden',
              <>
                <p className="utrecht-paragraph">
                  Meld gemeenten aan die aan dit contract gaan deelnemen. Een gemeente die al onder een ander contract
                  voor deze plicht valt, of die is uitgezonderd, kan niet worden aangemeld.
                </p>
                <EnrolForm contract={contract} onEnrolled={() => undefined} />
              </>,
            )}
          />
          <Route path="deelnemers/:code/beeindigen" element={task('', <EndParticipationPage contract={contract} />)} />
          <Route path="uitzonderingen/toevoegen" element={task('', <AddExceptionPage contract={contract} />)} />
          <Route path="wijzigingen/nieuw" element={task('', <AmendmentFormPage contract={contract} />)} />
          <Route path="beeindigen" element={task('', <TerminateContractPage contract={contract} />)} />
          <Route
            path="herindeling"
            element={task(
              'Herindeling overnemen',
              <>
                <p className="utrecht-paragraph">
                  Gaan deelnemende gemeenten op in een nieuwe of andere gemeente, dan neemt die hun deelname over vanaf
                  de datum van de herindeling. Gaat niet elke voorganger mee, of valt de gemeente onder een ander
                  contract, dan wordt niets overgenomen en ziet u waarom.
                </p>
                <RollOverForm contractId={contract.id} onRolledOver={() => undefined} />
              </>,
            )}
          />
        </>
      ) : null}
      <Route
        path="*"
        element={tab(
          <p className="utrecht-paragraph">
            Dit onderdeel van het contract bestaat niet, of u kunt het niet gebruiken.
          </p>,
        )}
      />
    </Routes>
  );
}

/** The contract's heading, status and tabs (real links with aria-current), then the tab's content. */
function ContractTabs({
  contract,
  mayInvoice,
  children,
}: {
  contract: Contract;
  mayInvoice: boolean;
  children: ReactNode;
}) {
  const base = `/contracten/${contract.id}`;
  const tabs: Array<[string, string]> = [
    ['', 'Samenvatting'],
    ['/deelnemers', 'Deelnemers'],
    ['/uitzonderingen', 'Uitzonderingen'],
    ['/wijzigingen', 'Wijzigingen'],
    ...(mayInvoice
      ? ([
          ['/verschillen', 'Verschillen'],
          ['/factuurrondes', 'Factuurrondes'],
        ] as Array<[string, string]>)
      : []),
  ];
  return (
    <>
      <p className="utrecht-paragraph back-link">
        <Link className="utrecht-link" to="/contracten">
          ← Alle contracten
        </Link>
      </p>
      <PageHeading title={`Contract ${contract.reference}`}>{`${contract.reference}: ${contract.title}`}</PageHeading>
      <p className="utrecht-paragraph">
        <ContractStatusBadge status={contract.status} />
      </p>
      <nav aria-label="Onderdelen van het contract" className="contract-tabs">
        <ul className="plain-list contract-tabs__list">
          {tabs.map(([path, text]) => (
            <li key={path}>
              <NavLink end className="contract-tabs__link" to={`${base}${path}`}>
                {text}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className="contract-tab">{children}</div>
    </>
  );
}

/** A task's own page: a way back to the contract, then the task's steps (each with its own h1). */
function TaskFrame({ contract, title, children }: { contract: Contract; title: string; children: ReactNode }) {
  return (
    <>
      <p className="utrecht-paragraph back-link">
        <Link className="utrecht-link" to={`/contracten/${contract.id}`}>
          ← {contract.reference}: {contract.title}
        </Link>
      </p>
      {title ? <PageHeading>{title}</PageHeading> : null}
      {children}
    </>
  );
}

/** Parties, funding, tariff, period and counts; and the tasks the signed-in user may do. */
function ContractSummary({ contract, mayManage }: { contract: Contract; mayManage: boolean }) {
  const path = { id: contract.id };
  const current = $api.useQuery('get', '/api/v1/contracts/{id}/participants', {
    params: { path, query: { limit: 1 } },
  });
  const everyone = $api.useQuery('get', '/api/v1/contracts/{id}/participants', {
    params: { path, query: { status: 'all', limit: 1 } },
  });
  const exceptions = $api.useQuery('get', '/api/v1/contracts/{id}/exceptions', { params: { path } });
  const amendments = $api.useQuery('get', '/api/v1/contracts/{id}/amendments', { params: { path } });
  const day = today();
  const tariffNow = tariffOn(contract.tariffs, day);
  const base = `/contracten/${contract.id}`;
  const open = contract.status === 'ACTIVE' || contract.status === 'DRAFT';
  const tasks: Array<[string, string]> = mayManage
    ? [
        ...(open ? ([[`${base}/deelnemers/aanmelden`, 'Gemeenten aanmelden']] as Array<[string, string]>) : []),
        ...(contract.status === 'ACTIVE'
          ? ([
              [`${base}/deelnemers`, 'Een deelname beëindigen (kies de gemeente in de lijst)'],
              [`${base}/herindeling`, 'Herindeling overnemen'],
              [`${base}/wijzigingen/nieuw`, 'Contract wijzigen (tarief, einddatum, betaaltermijn)'],
              [`${base}/beeindigen`, 'Contract beëindigen'],
            ] as Array<[string, string]>)
          : []),
        ...(contract.kind === 'COLLECTIVE'
          ? ([[`${base}/uitzonderingen/toevoegen`, 'Uitzondering toevoegen']] as Array<[string, string]>)
          : []),
      ]
    : [];
  return (
    <>
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
              [
                'Tarief nu',
                tariffNow ? `${tariff(tariffNow.perInhabitant)} per inwoner per jaar (excl. btw)` : 'geen tarief',
              ],
              ['Facturering', labelOf(BILLING_FREQUENCY, contract.billingFrequency)],
              ['Peildatum inwonertal', labelOf(REFERENCE_DATE_RULE, contract.referenceDateRule)],
              ['Betaaltermijn', plural(contract.paymentTermDays, 'dag', 'dagen')],
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

      <Section id="aantallen" title="In aantallen">
        <div className="details-list">
          <DataList
            items={[
              [
                `Deelnemers op ${dateLong(day)}`,
                <Link key="now" className="utrecht-link" to={`${base}/deelnemers`}>
                  {current.data ? plural(current.data.total, 'gemeente', 'gemeenten') : '-'}
                </Link>,
              ],
              ['Deelnames in totaal, ook beëindigde', everyone.data ? count(everyone.data.total) : '-'],
              ['Uitzonderingen', exceptions.data ? plural(exceptions.data.length, 'gemeente', 'gemeenten') : '-'],
              ['Wijzigingen', amendments.data ? count(amendments.data.length) : '-'],
            ]}
          />
        </div>
      </Section>

      <Section id="tarieven" title="Tarieven">
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="tariffs-caption">
          <table className="utrecht-table portal-table portal-table--cards">
            <caption id="tariffs-caption" className="utrecht-table__caption">
              Tarief per inwoner per jaar (excl. btw)
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                  Per inwoner per jaar
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig vanaf
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Geldig tot en met
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Nu van kracht
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {[...contract.tariffs]
                .sort((a, b) => a.validFrom.localeCompare(b.validFrom))
                .map((t) => (
                  <tr key={t.validFrom} className="utrecht-table__row">
                    <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Tarief">
                      {tariff(t.perInhabitant)}
                    </td>
                    <td className="utrecht-table__cell" data-label="Vanaf">
                      {date(t.validFrom)}
                    </td>
                    <td className="utrecht-table__cell" data-label="Tot en met">
                      {t.validTo ? date(t.validTo) : 'geen einddatum'}
                    </td>
                    <td className="utrecht-table__cell" data-label="Nu geldig">
                      {t.validFrom <= day && (t.validTo === null || t.validTo >= day) ? 'Ja' : 'Nee'}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </Section>

      {tasks.length ? (
        <Section id="taken" title="Wat u kunt doen">
          <ul className="plain-list task-links">
            {tasks.map(([to, text]) => (
              <li key={to}>
                <Link className="utrecht-link" to={to}>
                  {text}
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
