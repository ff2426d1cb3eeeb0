import { Link } from 'react-router';
import { euroCents } from '../../format';

/** What a change did to documents already issued (BillingImpactDto), as the API answers it. */
export interface BillingImpact {
  differenceCents: number;
  documents: Array<{ id: string; number: string; type: string }>;
  items: Array<{
    municipalityCode: string;
    name: string;
    billedCents: number;
    dueCents: number;
    differenceCents: number;
    reasons: string[];
  }>;
  notified: boolean;
}

/**
 * The sentence a confirmation page says about money: nothing issued yet, the documents still
 * right, or how much was billed too much (or too little), who was told, and what corrects it.
 */
export function billingImpactText(
  impact: BillingImpact | null,
  parties: { supplier: string; contracting: string },
): string {
  if (!impact)
    return 'Over deze periode zijn nog geen facturen of verrekenoverzichten verstuurd: er hoeft niets gecorrigeerd te worden.';
  const told = impact.notified ? ` ${parties.supplier} en ${parties.contracting} zijn op de hoogte gebracht.` : '';
  if (impact.differenceCents < 0)
    return `Er is ${euroCents(-impact.differenceCents)} te veel gefactureerd (excl. btw).${told} Een correctieronde maakt de creditnota.`;
  if (impact.differenceCents > 0)
    return `Er is ${euroCents(impact.differenceCents)} te weinig gefactureerd (excl. btw).${told} Een correctieronde maakt de aanvullende factuur.`;
  return 'De verstuurde facturen en verrekenoverzichten kloppen nog: er hoeft niets gecorrigeerd te worden.';
}

/** The billing impact on a confirmation page: the sentence, the municipalities concerned and the way to correct it. */
export function BillingImpactSummary({
  impact,
  contractId,
  parties,
}: {
  impact: BillingImpact | null;
  contractId: string;
  parties: { supplier: string; contracting: string };
}) {
  return (
    <>
      <p className="utrecht-paragraph">{billingImpactText(impact, parties)}</p>
      {impact && impact.items.length ? (
        <ul className="utrecht-unordered-list">
          {impact.items.map((item) => (
            <li key={`${item.municipalityCode}-${item.reasons.join()}`}>
              {item.name}: gefactureerd {euroCents(item.billedCents)}, nu verschuldigd {euroCents(item.dueCents)}
              {item.reasons.length ? ` (${item.reasons.join('; ')})` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {impact && impact.documents.length ? (
        <p className="utrecht-paragraph">Betreft: {impact.documents.map((d) => d.number).join(', ')}.</p>
      ) : null}
      {impact && impact.differenceCents !== 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/contracten/${contractId}/verschillen`}>
            Naar de verschillen en de correctieronde
          </Link>
        </p>
      ) : null}
    </>
  );
}
