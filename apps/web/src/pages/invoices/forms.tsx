import { useEffect, useRef } from 'react';

export type FieldErrors = Record<string, string>;

/**
 * The error summary above a form: how many fields need attention, each a link that moves focus to
 * the field. It takes focus itself when it appears, so keyboard and screen reader users hear it.
 */
export function ErrorSummary({
  errors,
  labels,
  idOf,
  message,
}: {
  errors: FieldErrors;
  labels: Record<string, string>;
  /** The id of a field's input, for the link to it. */
  idOf: (field: string) => string;
  message?: string | null;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors);
  const shown = entries.length > 0 || !!message;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [shown, errors, message]);
  if (!shown) return null;
  return (
    <div ref={ref} tabIndex={-1} className="utrecht-alert utrecht-alert--error error-summary" role="alert">
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph">
            <strong>Fout: </strong>
            {message ??
              (entries.length === 1
                ? 'Er is 1 veld niet goed ingevuld.'
                : `Er zijn ${entries.length} velden niet goed ingevuld.`)}
          </p>
          {entries.length ? (
            <ul className="utrecht-unordered-list">
              {entries.map(([field, text]) => (
                <li key={field} className="utrecht-unordered-list__item">
                  <a
                    className="utrecht-link"
                    href={`#${idOf(field)}`}
                    onClick={(event) => {
                      const target = document.getElementById(idOf(field));
                      if (target) {
                        event.preventDefault();
                        target.focus();
                      }
                    }}
                  >
                    {labels[field] ?? field}: {text}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </div>
    </div>
  );
}
