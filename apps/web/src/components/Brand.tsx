/**
 * The platform's logo: an ear in a speech bubble (listening, and being heard), with the name
 * and what the platform is. The mark is decorative; the name beside it is the text alternative,
 * and where only the mark shows (narrow phones) the name stays there for screen readers.
 */
export function LogoMark({ size = 40 }: { size?: number }) {
  return (
    <svg className="brand__mark" viewBox="0 0 40 40" width={size} height={size} aria-hidden="true" focusable="false">
      <path
        className="brand__bubble"
        d="M8 2.5h24a5.5 5.5 0 0 1 5.5 5.5v18.5a5.5 5.5 0 0 1-5.5 5.5H18l-8.5 6v-6H8a5.5 5.5 0 0 1-5.5-5.5V8A5.5 5.5 0 0 1 8 2.5z"
      />
      <g fill="none" stroke="#fff" strokeLinecap="round" strokeWidth="2.8">
        <path d="M13.5 15.5a7 7 0 1 1 12.6 4.2c-1.5 1.9-3.3 2.7-3.3 5a3 3 0 0 1-5.4 1.8" />
        <path d="M17.6 15.8a3.1 3.1 0 0 1 6-.9c.5 1.5-.4 2.7-1.9 3.3" />
      </g>
    </svg>
  );
}

/** The logo mark, the name "Luisterend oor" and its subline (larger on the sign-in page). */
export function Brand({ large }: { large?: boolean }) {
  return (
    <span className={large ? 'brand brand--large' : 'brand'}>
      <LogoMark size={large ? 48 : 40} />
      <span className="brand__text">
        <span className="brand__name">Luisterend oor</span>
        <span className="brand__tagline">Wmo-platform voor gemeenten</span>
      </span>
    </span>
  );
}
