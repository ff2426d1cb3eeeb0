// The list building blocks rendered to HTML at an address (jest project `unit`:
// `TZ=UTC npx jest apps/web/src/components/lists.spec.tsx`).
// The design system's React package is ES modules only (Jest runs CommonJS): a plain button stands
// in. Before the imports: this transformer does not hoist jest.mock as babel-jest does.
jest.mock('./ui', () => ({
  Button: ({ variant: _variant, busy: _busy, ...props }: Record<string, unknown>) =>
    jest.requireActual<typeof import('react')>('react').createElement('button', { type: 'button', ...props }),
}));

import { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { CheckAnswers } from './check-answers';
import { CardTable, pageWindow, Pagination, queryOf, ResultCount, SortableHeader, useListParams } from './lists';

const at = (address: string, node: ReactNode) =>
  renderToStaticMarkup(<MemoryRouter initialEntries={[address]}>{node}</MemoryRouter>);

const DEFAULTS = { sort: '-issueDate', limit: 50, status: '' };

/** Renders what `useListParams` reads at an address, and the pagination and headers that use it. */
function InvoiceList({ total, show }: { total: number; show: (list: ReturnType<typeof useInvoiceList>) => string }) {
  const list = useInvoiceList();
  return (
    <>
      <output>{show(list)}</output>
      <table>
        <thead>
          <tr>
            <SortableHeader list={list} field="number" label="Factuurnummer" />
            <SortableHeader list={list} field="totalCents" label="Bedrag" numeric />
          </tr>
        </thead>
      </table>
      <Pagination list={list} total={total} />
    </>
  );
}
const useInvoiceList = () => useListParams(DEFAULTS);
const output = (html: string) =>
  /<output>(.*?)<\/output>/
    .exec(html)![1]
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('list building blocks', () => {
  it('reads the list from the URL, with defaults for what is not there', () => {
    const html = at(
      '/facturen?page=3&q=assen&status=OPEN&sort=totalCents',
      <InvoiceList total={338} show={(list) => JSON.stringify(list.params)} />,
    );
    expect(JSON.parse(output(html))).toEqual({ sort: 'totalCents', q: 'assen', page: 3, limit: 50, status: 'OPEN' });
    const defaults = at('/facturen?page=0&limit=x', <InvoiceList total={338} show={(l) => JSON.stringify(l.params)} />);
    expect(JSON.parse(output(defaults))).toEqual({ sort: '-issueDate', q: '', page: 1, limit: 50, status: '' });
  });

  it('leaves defaults out of the address and goes back to page 1 on any change but the page', () => {
    const html = at(
      '/facturen?page=3&status=OPEN',
      <InvoiceList
        total={338}
        show={(list) =>
          [list.hrefFor({ page: 4 }), list.hrefFor({ sort: 'number' }), list.hrefFor({ status: '' })].join(' ')
        }
      />,
    );
    expect(output(html)).toBe('?page=4&status=OPEN ?sort=number&status=OPEN ?');
  });

  it('gives the query without empty values', () => {
    expect(queryOf({ sort: '-issueDate', q: '', page: 2, limit: 50, status: '' })).toEqual({
      sort: '-issueDate',
      page: 2,
      limit: 50,
    });
  });

  it('marks the sorted column with aria-sort, the others as sortable (none)', () => {
    const html = at('/facturen?sort=-totalCents', <InvoiceList total={10} show={() => ''} />);
    expect(html).toContain('<th scope="col" aria-sort="none" class="utrecht-table__header-cell">');
    expect(html).toMatch(
      /aria-sort="descending" class="utrecht-table__header-cell utrecht-table__header-cell--numeric-column"/,
    );
  });

  it('pages: "Pagina 2 van 7", real links, the current page marked, nothing for one page', () => {
    const html = at('/facturen?page=2', <InvoiceList total={338} show={() => ''} />);
    expect(html).toContain('<nav class="utrecht-pagination portal-pagination" aria-label="Paginering">');
    expect(html).toContain('Pagina 2 van 7');
    expect(html).toMatch(/rel="next" href="\/facturen\?page=3"/);
    // Page 1 is the default: its address has no page at all.
    expect(html).toMatch(/rel="prev" href="\/facturen"/);
    expect(html).toMatch(/aria-current="page"[^>]*><span class="visually-hidden">Pagina <\/span>2</);
    expect(at('/facturen', <InvoiceList total={50} show={() => ''} />)).not.toContain('Paginering');
  });

  it('shows the first, the last and two pages either side of the current one', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(5, 12)).toEqual([1, null, 3, 4, 5, 6, 7, null, 12]);
    expect(pageWindow(2, 4)).toEqual([1, 2, 3, 4]);
  });

  it('counts results with the Dutch plural in a polite live region', () => {
    expect(renderToStaticMarkup(<ResultCount total={338} one="factuur" many="facturen" />)).toBe(
      '<p class="utrecht-paragraph portal-result-count" aria-live="polite">338 facturen</p>',
    );
    expect(renderToStaticMarkup(<ResultCount total={1} one="factuur" many="facturen" />)).toContain('1 factuur<');
    expect(renderToStaticMarkup(<ResultCount total={1234} one="factuur" many="facturen" />)).toContain(
      '1.234 facturen',
    );
  });

  it('labels each cell for the card layout and names the table by its caption', () => {
    const html = renderToStaticMarkup(
      <CardTable
        caption="Facturen"
        columns={[
          { key: 'amount', header: 'Bedrag', cell: (row: { cents: number }) => String(row.cents), numeric: true },
        ]}
        rows={[{ cents: 100 }]}
        rowKey={(row) => String(row.cents)}
      />,
    );
    expect(html).toMatch(
      /<div class="table-scroll" tabindex="0" role="region" aria-labelledby="([^"]+)"><table role="table" class="utrecht-table portal-table portal-table--cards"><caption id="\1"/,
    );
    expect(html).toContain('data-label="Bedrag"');
    expect(
      renderToStaticMarkup(<CardTable caption="x" columns={[]} rows={[]} rowKey={String} empty="Geen facturen." />),
    ).toBe('<p class="utrecht-paragraph">Geen facturen.</p>');
  });

  it('check answers: a summary list with "Wijzigen" and hidden context', () => {
    const html = at(
      '/',
      <CheckAnswers rows={[{ key: 'Deelnemer', value: 'Assen', change: { to: '/x', label: 'deelnemer' } }]} />,
    );
    expect(html).toContain('<dt class="utrecht-data-list__item-key check-answers__key">Deelnemer</dt>');
    expect(html).toContain(
      'href="/x" data-discover="true">Wijzigen<span class="visually-hidden"> deelnemer</span></a>',
    );
  });
});
