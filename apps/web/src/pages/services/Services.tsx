import './services.css';
import { Link } from 'react-router';
import { $api } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorAlert, Loading, PageHeading } from '../../components/ui';
import { channelLabel } from '../../format';
import { useMe } from '../../session';
import { byChannelOrder, capitalised, dateTimeShort, DAY_NAMES, dayText, WEEKDAY_NUMBERS } from './schedule';

type Service = components['schemas']['ServiceDto'];
type Channel = Service['channels'][number];

/** A provider's services: channels with their weekly hours, closures to come and past, each changeable. */
export function ServicesPage() {
  const me = useMe();
  const services = $api.useQuery('get', '/api/v1/providers/{id}/services', {
    params: { path: { id: me.organisation.id } },
  });
  return (
    <>
      <PageHeading>Diensten</PageHeading>
      <p className="utrecht-paragraph">
        Uw diensten met hun kanalen, openingstijden en sluitingen. Of een gemeente aan haar plicht voldoet, hangt af van
        deze tijden: bij elke wijziging ziet u eerst wat die betekent, voordat u opslaat.
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/diensten/nieuw">
          Dienst toevoegen
        </Link>
      </p>
      {services.isPending ? <Loading /> : null}
      {services.error ? <ErrorAlert error={services.error} /> : null}
      {services.data?.length === 0 ? <p className="utrecht-paragraph">U heeft nog geen diensten.</p> : null}
      {services.data?.map((service) => (
        <ServiceSection key={service.id} service={service} />
      ))}
    </>
  );
}

function ServiceSection({ service }: { service: Service }) {
  const now = new Date().toISOString();
  const closures = service.channels
    .flatMap((channel) => channel.closures.map((closure) => ({ ...closure, channel: channel.kind })))
    .sort((a, b) => a.from.localeCompare(b.from));
  const upcoming = closures.filter((c) => c.to > now);
  const past = closures.filter((c) => c.to <= now).reverse();
  const id = `dienst-${service.id}`;
  return (
    <section aria-labelledby={id} className="service">
      <h2 className="utrecht-heading-2" id={id}>
        {service.name}
      </h2>
      {service.description ? <p className="utrecht-paragraph">{service.description}</p> : null}
      <WeekTable service={service} />
      <ul className="utrecht-unordered-list contact-list">
        {byChannelOrder(service.channels).map((channel) => (
          <li key={channel.kind} className="utrecht-unordered-list__item">
            {channelLabel(channel.kind)}: {channel.contact ?? '-'}
          </li>
        ))}
      </ul>
      <p className="utrecht-paragraph actions">
        <Link className="utrecht-link" to={`/diensten/${service.id}/gegevens`}>
          Gegevens wijzigen<span className="visually-hidden"> van {service.name}</span>
        </Link>
        <Link className="utrecht-link" to={`/diensten/${service.id}/openingstijden`}>
          Openingstijden wijzigen<span className="visually-hidden"> van {service.name}</span>
        </Link>
        <Link className="utrecht-link" to={`/diensten/${service.id}/sluiting`}>
          Sluiting toevoegen<span className="visually-hidden"> aan {service.name}</span>
        </Link>
      </p>
      <ClosureTable
        caption={`Komende sluitingen, ${service.name}`}
        empty="Er zijn geen sluitingen gepland."
        closures={upcoming}
        serviceId={service.id}
        removable
      />
      <ClosureTable
        caption={`Eerdere sluitingen, ${service.name}`}
        empty="Er zijn geen eerdere sluitingen."
        closures={past}
        serviceId={service.id}
      />
    </section>
  );
}

/** Monday to Sunday down, the channels across: "Dag en nacht", "09:00-22:00" or "Gesloten". */
export function WeekTable({ service }: { service: Service }) {
  const channels = byChannelOrder(service.channels);
  const captionId = `week-${service.id}`;
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="utrecht-table portal-table portal-table--cards week-table">
        <caption id={captionId} className="utrecht-table__caption">
          Openingstijden per dag, {service.name}
        </caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell">
              Dag
            </th>
            {channels.map((channel) => (
              <th key={channel.kind} scope="col" className="utrecht-table__header-cell">
                {channelLabel(channel.kind)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {WEEKDAY_NUMBERS.map((day) => (
            <tr key={day} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell">
                {capitalised(DAY_NAMES[day])}
              </th>
              {channels.map((channel) => (
                <td key={channel.kind} className="utrecht-table__cell" data-label={channelLabel(channel.kind)}>
                  {dayText(channel.schedule, day)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ClosureTable({
  caption,
  empty,
  closures,
  serviceId,
  removable,
}: {
  caption: string;
  empty: string;
  closures: Array<Channel['closures'][number] & { channel: string }>;
  serviceId: string;
  removable?: boolean;
}) {
  const captionId = `${removable ? 'komend' : 'eerder'}-${serviceId}`;
  return (
    <>
      <h3 className="utrecht-heading-3" id={`${captionId}-kop`}>
        {caption.split(',')[0]}
      </h3>
      {closures.length === 0 ? (
        <p className="utrecht-paragraph">{empty}</p>
      ) : (
        <div className="table-scroll" tabIndex={0} role="region" aria-labelledby={captionId}>
          <table className="utrecht-table portal-table portal-table--cards">
            <caption id={captionId} className="utrecht-table__caption visually-hidden">
              {caption}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th scope="col" className="utrecht-table__header-cell">
                  Kanaal
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Van
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Tot
                </th>
                <th scope="col" className="utrecht-table__header-cell">
                  Reden
                </th>
                {removable ? (
                  <th scope="col" className="utrecht-table__header-cell">
                    Actie
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {closures.map((closure) => (
                <tr key={closure.id} className="utrecht-table__row">
                  <td className="utrecht-table__cell" data-label="Kanaal">
                    {channelLabel(closure.channel)}
                  </td>
                  <td className="utrecht-table__cell" data-label="Van">
                    {dateTimeShort(closure.from)}
                  </td>
                  <td className="utrecht-table__cell" data-label="Tot">
                    {dateTimeShort(closure.to)}
                  </td>
                  <td className="utrecht-table__cell" data-label="Reden">
                    {closure.reason}
                  </td>
                  {removable ? (
                    <td className="utrecht-table__cell" data-label="Actie">
                      <Link className="utrecht-link" to={`/diensten/${serviceId}/sluitingen/${closure.id}`}>
                        {closure.from < new Date().toISOString() ? 'Beëindigen' : 'Verwijderen'}
                        <span className="visually-hidden">
                          {' '}
                          sluiting {channelLabel(closure.channel)} van {dateTimeShort(closure.from)}
                        </span>
                      </Link>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
