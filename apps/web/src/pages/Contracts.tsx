import { Link } from 'react-router';
import { api } from '../api/client';
import { Column, LabelledBadge, Loaded, PageHeading, SortableTable, useLoad } from '../components/ui';
import { today } from '../format';
import { useMe } from '../session';
import {
  Contract,
  CONTRACT_KIND,
  CONTRACT_STATUS,
  ContractPage,
  DUTY_SHORT,
  FUNDING_MODEL,
  labelOf,
  period,
  tariff,
  tariffOn,
} from './contracts/labels';

/** Every contract the signed-in organisation may see (the API filters: own, supplied, or taken part in). */
async function loadContracts(): Promise<Contract[]> {
  const items: Contract[] = [];
  for (let page = 1; ; page++) {
    const batch = await api<ContractPage>('/contracts', { query: { page, limit: 500 } });
    items.push(...batch.items);
    if (items.length >= batch.total || batch.items.length === 0) return items;
  }
}

export function ContractStatusBadge({ status }: { status: string }) {
  return <LabelledBadge labels={CONTRACT_STATUS} value={status} />;
}

function introFor(kind: string): string {
  if (kind === 'PROVIDER') return 'De contracten waarin uw organisatie de dienst levert.';
  if (kind === 'MUNICIPALITY')
    return 'De contracten waaraan uw gemeente deelneemt of die uw gemeente zelf heeft gesloten.';
  if (kind === 'ASSOCIATION') return 'De contracten die de VNG namens de gemeenten heeft gesloten.';
  return 'Alle contracten op het platform.';
}

export function ContractsPage() {
  const me = useMe();
  const state = useLoad(loadContracts, []);
  const day = today();
  const columns: Column<Contract>[] = [
    {
      key: 'reference',
      header: 'Contract',
      cell: (c) => (
        <>
          <Link className="utrecht-link" to={`/contracten/${c.id}`}>
            {c.reference}
          </Link>
          <span className="contract-title">{c.title}</span>
          <span className="contract-title">
            {labelOf(DUTY_SHORT, c.dutyCode)} · {labelOf(CONTRACT_KIND, c.kind)}
          </span>
        </>
      ),
      sortValue: (c) => c.reference,
    },
    {
      key: 'status',
      header: 'Status',
      cell: (c) => <ContractStatusBadge status={c.status} />,
      sortValue: (c) => CONTRACT_STATUS[c.status]?.label ?? c.status,
    },
    { key: 'supplier', header: 'Aanbieder', cell: (c) => c.supplier.name, sortValue: (c) => c.supplier.name },
    {
      key: 'contracting',
      header: 'Opdrachtgever',
      cell: (c) => c.contractingOrganisation.name,
      sortValue: (c) => c.contractingOrganisation.name,
    },
    {
      key: 'period',
      header: 'Looptijd',
      cell: (c) => <span className="period">{period(c.startDate, c.endDate)}</span>,
      sortValue: (c) => c.startDate,
    },
    {
      key: 'tariff',
      header: 'Tarief per inwoner',
      cell: (c) => tariff(tariffOn(c.tariffs, day)?.perInhabitant),
      sortValue: (c) => Number(tariffOn(c.tariffs, day)?.perInhabitant ?? 0),
      numeric: true,
    },
    {
      key: 'funding',
      header: 'Financiering',
      cell: (c) => labelOf(FUNDING_MODEL, c.fundingModel),
      sortValue: (c) => labelOf(FUNDING_MODEL, c.fundingModel),
    },
  ];
  return (
    <>
      <PageHeading>Contracten</PageHeading>
      <p className="utrecht-paragraph">
        {introFor(me.organisation.kind)} Kies een contract voor de tarieven, de deelnemende gemeenten en de wijzigingen.
      </p>
      <Loaded state={state} label="Contracten worden geladen…">
        {(contracts) =>
          contracts.length === 0 ? (
            <p className="utrecht-paragraph">Er zijn geen contracten die u kunt inzien.</p>
          ) : (
            <div className="wide-table">
              <SortableTable
                caption={`${contracts.length === 1 ? '1 contract' : `${contracts.length} contracten`}`}
                columns={columns}
                rows={contracts}
                rowKey={(c) => c.id}
              />
            </div>
          )
        }
      </Loaded>
    </>
  );
}
