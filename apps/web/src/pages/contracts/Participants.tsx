import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields';
import { BY_NAME, Column, SortableTable } from '../../components/ui';
import { dateLong, today } from '../../format';
import { labelOf, Participant, PARTICIPATION_ORIGIN } from './labels';

type Show = 'all' | 'today';

/** The participating municipalities (hundreds): searchable by name or code, and sortable. */
export function ParticipantsTable({ participants }: { participants: Participant[] }) {
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<Show>('all');
  const day = today();
  const needle = search.trim().toLowerCase();
  const rows = participants.filter(
    (p) =>
      (show === 'all' || (p.from <= day && (p.to === null || p.to >= day))) &&
      (!needle || p.name.toLowerCase().includes(needle) || p.code.toLowerCase().includes(needle)),
  );
  const columns: Column<Participant>[] = [
    { key: 'name', header: 'Gemeente', cell: (p) => p.name, sortValue: (p) => p.name },
    { key: 'code', header: 'Code', cell: (p) => p.code, sortValue: (p) => p.code },
    { key: 'from', header: 'Deelname vanaf', cell: (p) => dateLong(p.from), sortValue: (p) => p.from },
    {
      key: 'to',
      header: 'Tot en met',
      cell: (p) => (p.to ? dateLong(p.to) : 'geen einddatum'),
      sortValue: (p) => p.to ?? '9999-12-31',
    },
    {
      key: 'origin',
      header: 'Hoe',
      cell: (p) => labelOf(PARTICIPATION_ORIGIN, p.origin),
      sortValue: (p) => labelOf(PARTICIPATION_ORIGIN, p.origin),
    },
  ];
  return (
    <>
      <div className="filters" role="search" aria-label="Deelnemers zoeken">
        <TextField
          label="Zoek een gemeente"
          description="Naam of code, bijvoorbeeld Assen of GM0106."
          type="search"
          value={search}
          onChange={setSearch}
          autoComplete="off"
        />
        <SelectField
          label="Welke deelnames"
          value={show}
          onChange={(value) => setShow(value as Show)}
          options={[
            ['all', 'Alle, ook beëindigde'],
            ['today', 'Alleen wie vandaag deelneemt'],
          ]}
        />
      </div>
      <p className="utrecht-paragraph" role="status">
        {rows.length === participants.length
          ? `${participants.length} deelnames`
          : `${rows.length} van ${participants.length} deelnames`}
      </p>
      <SortableTable
        caption="Deelnemende gemeenten"
        columns={columns}
        rows={rows}
        rowKey={(p) => `${p.code}-${p.from}`}
        initialSort={BY_NAME}
        empty="Geen deelnames gevonden. Pas de zoekopdracht aan."
      />
    </>
  );
}
