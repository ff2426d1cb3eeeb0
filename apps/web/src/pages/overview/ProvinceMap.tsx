import { count } from '../../format';

/** What a tile shows of a province: how many of its municipalities have the duty covered. */
export interface ProvinceTile {
  code: string;
  name: string;
  municipalities: number;
  COMPLIANT: number;
  AT_RISK: number;
  NON_COMPLIANT: number;
}

/** The 12 provinces in a rough geographic grid (column, row): north at the top, Limburg at the bottom right. */
const GRID: Record<string, [number, number]> = {
  PV21: [1, 0], // Fryslân
  PV20: [2, 0], // Groningen
  PV27: [0, 1], // Noord-Holland
  PV24: [1, 1], // Flevoland
  PV22: [2, 1], // Drenthe
  PV28: [0, 2], // Zuid-Holland
  PV26: [1, 2], // Utrecht
  PV23: [2, 2], // Overijssel
  PV29: [0, 3], // Zeeland
  PV30: [1, 3], // Noord-Brabant
  PV25: [2, 3], // Gelderland
  PV31: [2, 4], // Limburg
};

const TILE_W = 150;
const TILE_H = 84;
const GAP = 6;

/** Covered: the duty is met today (COMPLIANT, or AT_RISK: met, but the coverage ends soon). */
export const coveredOf = (p: Pick<ProvinceTile, 'COMPLIANT' | 'AT_RISK'>) => p.COMPLIANT + p.AT_RISK;

export type Band = 'all' | 'most' | 'some' | 'none';

/** The band of a share; each band has its own colour AND pattern, and the numbers are always written on the tile. */
export function bandOf(p: ProvinceTile): Band {
  if (p.municipalities === 0) return 'none';
  const share = coveredOf(p) / p.municipalities;
  if (share === 1) return 'all';
  if (share >= 0.9) return 'most';
  if (share > 0) return 'some';
  return 'none';
}

export const BAND_WORDS: Record<Band, string> = {
  all: 'alle gemeenten gedekt',
  most: '90% of meer gedekt',
  some: 'minder dan 90% gedekt',
  none: 'geen gemeente gedekt',
};

const percent = (p: ProvinceTile) =>
  p.municipalities ? `${Math.floor((coveredOf(p) / p.municipalities) * 100)}%` : '-';

/**
 * The national picture of coverage: each province a tile, filled and patterned by the share of its
 * municipalities whose duty is covered, with its name and numbers as text on the tile. A tile is a
 * link that filters the list by the province. The same numbers stand in the table beside it.
 */
export function ProvinceMap({
  provinces,
  selected,
  hrefFor,
  onSelect,
  year,
}: {
  provinces: ProvinceTile[];
  selected: string;
  hrefFor: (code: string) => string;
  onSelect: (code: string) => void;
  year: number;
}) {
  const width = 3 * TILE_W + 2 * GAP;
  const height = 5 * TILE_H + 4 * GAP;
  const bands = new Set(provinces.map(bandOf));
  return (
    <figure className="province-map">
      <svg
        className="province-map__svg"
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={`Kaart van de provincies, ${year}: per provincie het aandeel gemeenten waar de plicht gedekt is. Kies een provincie om de lijst te filteren.`}
      >
        <defs>
          <pattern id="pm-most" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#d9eddf" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#39870c" strokeWidth="3" />
          </pattern>
          <pattern id="pm-some" width="10" height="10" patternUnits="userSpaceOnUse">
            <rect width="10" height="10" fill="#fdf1d6" />
            <circle cx="5" cy="5" r="2.2" fill="#a05a00" />
          </pattern>
          <pattern id="pm-none" width="10" height="10" patternUnits="userSpaceOnUse">
            <rect width="10" height="10" fill="#fbe3e3" />
            <path d="M0 0 L10 10 M10 0 L0 10" stroke="#b30000" strokeWidth="1.6" />
          </pattern>
        </defs>
        {provinces.map((p) => {
          const [column, row] = GRID[p.code] ?? [0, 4];
          const x = column * (TILE_W + GAP);
          const y = row * (TILE_H + GAP);
          const band = bandOf(p);
          const current = p.code === selected;
          return (
            <a
              key={p.code}
              href={hrefFor(p.code)}
              className={`province-map__tile province-map__tile--${band}${current ? ' province-map__tile--current' : ''}`}
              aria-current={current ? 'true' : undefined}
              onClick={(event) => {
                event.preventDefault();
                onSelect(p.code);
              }}
            >
              <rect
                x={x}
                y={y}
                width={TILE_W}
                height={TILE_H}
                rx="6"
                fill={band === 'all' ? '#39870c' : `url(#pm-${band})`}
                className="province-map__shape"
              />
              <rect x={x + 8} y={y + 10} width={TILE_W - 16} height={TILE_H - 20} rx="4" fill="#ffffff" />
              {/* The link's name is its visible text: "Drenthe 12 van 12 gedekt 100%". */}
              <text x={x + TILE_W / 2} y={y + 30} textAnchor="middle" className="province-map__name">
                {p.name}
              </text>
              <text x={x + TILE_W / 2} y={y + 49} textAnchor="middle" className="province-map__numbers">
                {`${count(coveredOf(p))} van ${count(p.municipalities)} gedekt`}
              </text>
              <text x={x + TILE_W / 2} y={y + 67} textAnchor="middle" className="province-map__numbers">
                {percent(p)}
              </text>
            </a>
          );
        })}
      </svg>
      <figcaption className="province-map__legend">
        <ul className="province-map__keys" aria-label="Legenda">
          {(['all', 'most', 'some', 'none'] as const)
            .filter((band) => bands.has(band))
            .map((band) => (
              <li key={band}>
                <svg width="28" height="18" aria-hidden="true" focusable="false">
                  <rect
                    width="28"
                    height="18"
                    rx="3"
                    fill={band === 'all' ? '#39870c' : `url(#pm-${band})`}
                    stroke="#535353"
                  />
                </svg>{' '}
                {BAND_WORDS[band]}
              </li>
            ))}
        </ul>
      </figcaption>
    </figure>
  );
}
