import './invoices.css';
import { count, euroCents } from '../../format';

/** GET /invoices/summary: one year's invoices (DocumentYearSummaryDto). */
export interface YearFigures {
  year: number;
  invoiceCount: number;
  paidCents: number;
  openCents: number;
  overdueCents: number;
}

type Kind = 'paid' | 'open' | 'overdue';

/**
 * The three kinds, each with its own colour and its own pattern (solid, stripes, crosses), so that
 * colour is never the only cue; every bar also carries its label and amount in text. The colours
 * have at least 4.5:1 contrast on white.
 */
const KINDS: ReadonlyArray<{ kind: Kind; label: string; pattern: string; cents: (y: YearFigures) => number }> = [
  { kind: 'paid', label: 'Betaald', pattern: 'solid', cents: (y) => y.paidCents },
  { kind: 'open', label: 'Open', pattern: 'gestreept', cents: (y) => y.openCents },
  { kind: 'overdue', label: 'Te laat', pattern: 'geruit', cents: (y) => y.overdueCents },
];

const invoices = (n: number) => (n === 1 ? '1 factuur' : `${count(n)} facturen`);

/** The fills: defined once per chart, used by the bars and the legend. */
function Patterns({ id }: { id: string }) {
  return (
    <svg width="0" height="0" className="year-bars__defs" aria-hidden="true" focusable="false">
      <defs>
        <pattern id={`${id}-open`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="8" height="8" className="year-bars__fill--open" />
          <rect width="3" height="8" fill="#ffffff" />
        </pattern>
        <pattern id={`${id}-overdue`} width="8" height="8" patternUnits="userSpaceOnUse">
          <rect width="8" height="8" className="year-bars__fill--overdue" />
          <path d="M0 0L8 8M8 0L0 8" stroke="#ffffff" strokeWidth="1.5" />
        </pattern>
      </defs>
    </svg>
  );
}

function fill(id: string, kind: Kind): { fill?: string; className?: string } {
  return kind === 'paid' ? { className: 'year-bars__fill--paid' } : { fill: `url(#${id}-${kind})` };
}

function Swatch({ id, kind }: { id: string; kind: Kind }) {
  return (
    <svg width="20" height="14" className="year-bars__swatch" aria-hidden="true" focusable="false">
      <rect width="20" height="14" {...fill(id, kind)} />
    </svg>
  );
}

/**
 * Paid, open and overdue invoices per year as horizontal bars (an inline SVG per bar, sized in
 * percent so a phone shows the same picture), with a table of the same amounts below it: the
 * chart is a picture for the eye, the table is what a screen reader reads.
 */
export function YearBars({ years, id = 'jaar-staven' }: { years: YearFigures[]; id?: string }) {
  if (years.length === 0) return null;
  const largest = Math.max(1, ...years.flatMap((y) => KINDS.map(({ cents }) => cents(y))));
  const headingId = `${id}-kop`;
  return (
    <section className="year-bars" aria-labelledby={headingId}>
      <h2 id={headingId} className="utrecht-heading-2">
        Betaald, open en te laat per jaar
      </h2>
      <Patterns id={id} />
      <div
        className="year-bars__chart"
        role="img"
        aria-label="Staafdiagram van betaalde, openstaande en te late bedragen per jaar; dezelfde bedragen staan in de tabel hieronder."
      >
        <ul className="year-bars__legend">
          {KINDS.map(({ kind, label, pattern }) => (
            <li key={kind}>
              <Swatch id={id} kind={kind} /> {label} ({pattern})
            </li>
          ))}
        </ul>
        {years.map((y) => (
          <div key={y.year} className="year-bars__year">
            <p className="year-bars__year-label">
              <strong>{y.year}</strong> · {invoices(y.invoiceCount)}
            </p>
            {KINDS.map(({ kind, label, cents }) => {
              const value = cents(y);
              const width = value > 0 ? Math.max(0.5, (value / largest) * 100) : 0;
              return (
                <div key={kind} className="year-bars__row">
                  <span className="year-bars__label">{label}</span>
                  <svg className="year-bars__bar" width="100%" height="18" focusable="false">
                    <rect x="0" y="0" width="100%" height="18" className="year-bars__track" />
                    {width > 0 ? <rect x="0" y="0" width={`${width}%`} height="18" {...fill(id, kind)} /> : null}
                  </svg>
                  <span className="year-bars__amount">{euroCents(value)}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Betaald, open en te laat per jaar (tabel)">
        <table className="utrecht-table portal-table portal-table--cards year-bars__table">
          <caption className="utrecht-table__caption">Betaald, open en te laat per jaar (tabel)</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              <th scope="col" className="utrecht-table__header-cell">
                Jaar
              </th>
              <th scope="col" className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column">
                Facturen
              </th>
              {KINDS.map(({ kind, label }) => (
                <th
                  key={kind}
                  scope="col"
                  className="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {years.map((y) => (
              <tr key={y.year} className="utrecht-table__row">
                <th scope="row" className="utrecht-table__header-cell">
                  {y.year}
                </th>
                <td className="utrecht-table__cell utrecht-table__cell--numeric-column" data-label="Facturen">
                  {count(y.invoiceCount)}
                </td>
                {KINDS.map(({ kind, label, cents }) => (
                  <td
                    key={kind}
                    className="utrecht-table__cell utrecht-table__cell--numeric-column nowrap"
                    data-label={label}
                  >
                    {euroCents(cents(y))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="utrecht-paragraph year-bars__note">
        Per jaar van de factuurdatum, over alle jaren van de facturen met deze zoekterm en filters. Open is nog niet
        vervallen; te laat is na de vervaldatum nog niet (helemaal) betaald. Bedragen inclusief btw, na
        creditnota&apos;s.
      </p>
    </section>
  );
}
