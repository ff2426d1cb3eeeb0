import type { Query } from '../api/client';
import { Button, ErrorAlert, useDownload } from './ui';

/**
 * "Download als CSV" and "Download als Excel" for a list: the API's export of the same rows, with
 * the filters the page shows (`query`, in the API's own parameter names). `path` is the export
 * without its extension, e.g. `/invoices/export`; the API names the file (`facturen-2025.xlsx`).
 * Buttons rather than plain links: the session's token is sent with the request, never in a URL.
 */
export function ExportLinks({
  path,
  query,
  fallbackName = 'export',
}: {
  path: string;
  query?: Query;
  fallbackName?: string;
}) {
  const csv = useDownload();
  const xlsx = useDownload();
  const error = csv.error ?? xlsx.error;
  return (
    <div className="export-links">
      <div className="actions">
        <Button
          variant="secondary"
          busy={csv.busy}
          onClick={() =>
            void csv.start(`${path}.csv`, { query, accept: 'text/csv', fallbackName: `${fallbackName}.csv` })
          }
        >
          Download als CSV
        </Button>
        <Button
          variant="secondary"
          busy={xlsx.busy}
          onClick={() =>
            void xlsx.start(`${path}.xlsx`, {
              query,
              accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              fallbackName: `${fallbackName}.xlsx`,
            })
          }
        >
          Download als Excel
        </Button>
      </div>
      {error ? <ErrorAlert error={error} /> : null}
    </div>
  );
}
