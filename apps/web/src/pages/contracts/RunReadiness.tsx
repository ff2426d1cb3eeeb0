import { Link } from 'react-router';
import { api } from '../../api/client';
import { Alert, useLoad } from '../../components/ui';
import { count, dateLong } from '../../format';
import { hasRole, useMe } from '../../session';

/** GET /contracts/{id}/invoice-runs/readiness (ReadinessDto in libs/invoicing/src/dto/readiness.dto.ts). */
interface Readiness {
  documentType: string;
  referenceDate: string;
  populationLoaded: boolean;
  customers: number;
  ready: number;
  eInvoiceReady: number;
  items: Array<{ municipalityCode: string | null; name: string; missing: string[] }>;
}

/**
 * Before starting a run: how many customers have an invoice address (a lawful invoice) and an OIN
 * or KvK number (an e-invoice), and who lacks what, with the way to complete them.
 */
export function RunReadiness({ contractId, year }: { contractId: string; year: string }) {
  const me = useMe();
  const state = useLoad(
    () => api<Readiness>(`/contracts/${contractId}/invoice-runs/readiness`, { query: { year } }),
    [contractId, year],
  );
  if (state.status !== 'ready') return null;
  if (!state.data.populationLoaded)
    return (
      <Alert type="warning" heading="Inwonertallen ontbreken">
        Deze ronde rekent met de inwonertallen van het CBS op {dateLong(state.data.referenceDate)}. Die zijn nog niet
        ingelezen; platformbeheer laadt ze via Gegevens laden. Tot dan kan de ronde niet starten.
      </Alert>
    );
  if (state.data.documentType === 'ALLOCATION_STATEMENT') return null;
  const { customers, ready, eInvoiceReady, items } = state.data;
  const withoutAddress = items.filter((item) => item.missing.includes('invoiceAddress'));
  const complete = withoutAddress.length === 0 && eInvoiceReady === customers;
  return (
    <Alert type={complete ? 'ok' : 'warning'} heading="Factuurgegevens">
      <p>
        {count(ready)} van {count(customers)} {customers === 1 ? 'gemeente' : 'gemeenten'}{' '}
        {ready === 1 ? 'heeft' : 'hebben'} een factuuradres
        {withoutAddress.length ? `; ${count(withoutAddress.length)} zonder factuuradres` : ''}. {count(eInvoiceReady)}{' '}
        kunnen een e-factuur krijgen (met OIN of KvK-nummer).
      </p>
      {!complete && (
        <>
          <p>
            Een factuur zonder adres van de klant is niet rechtsgeldig (art. 35a Wet OB): de factuurronde houdt
            gemeenten zonder factuuradres vast en maakt hun factuur pas als het adres er is. Vul de gegevens eerst aan
            {hasRole(me, 'CONTRACT_MANAGER') ? (
              <>
                {' '}
                via{' '}
                <Link className="utrecht-link" to="/gegevens-laden">
                  Gegevens laden
                </Link>
              </>
            ) : (
              ' (de VNG of de gemeente zelf)'
            )}
            .
          </p>
          <details>
            <summary>Welke gemeenten missen iets?</summary>
            <ul>
              {items.map((item) => (
                <li key={item.municipalityCode ?? 'central'}>
                  {item.name}:{' '}
                  {item.missing
                    .map((gap) => (gap === 'invoiceAddress' ? 'factuuradres' : 'OIN of KvK-nummer'))
                    .join(' en ')}
                </li>
              ))}
            </ul>
          </details>
        </>
      )}
    </Alert>
  );
}
