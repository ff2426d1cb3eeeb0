import { Link } from 'react-router';
import { PageHeading } from '../../components/ui';
import { useMe } from '../../session';
import { isAdmin, isOperator } from './shared';

interface Task {
  to: string;
  title: string;
  text: string;
}

/** Beheer: where an administrator finds users, keys, webhooks and the audit log (and the operator more). */
export function AdminHomePage() {
  const me = useMe();
  const tasks: Task[] = [];
  if (isAdmin(me))
    tasks.push(
      {
        to: '/beheer/gebruikers',
        title: 'Gebruikers',
        text: 'Collega’s toegang geven, hun rollen wijzigen of hen deactiveren.',
      },
      {
        to: '/beheer/api-sleutels',
        title: 'API-sleutels',
        text: 'Sleutels voor systemen die zelf gegevens ophalen, zoals een financieel pakket.',
      },
      {
        to: '/beheer/webhooks',
        title: 'Webhooks',
        text: 'Berichten aan uw eigen systemen bij nieuwe facturen of een veranderde dekking, en hun afleveringen.',
      },
      {
        to: '/beheer/auditlog',
        title: 'Auditlog',
        text: 'Wie wat heeft gewijzigd, en wanneer: elke wijziging met de gegevens ervoor en erna.',
      },
    );
  if (isOperator(me))
    tasks.push(
      {
        to: '/beheer/naleving',
        title: 'Naleving beoordelen',
        text: 'De dagelijkse beoordeling van de dekking nu uitvoeren, bijvoorbeeld na een correctie van contracten.',
      },
      {
        to: '/gegevens-laden',
        title: 'Gegevens laden',
        text: 'CBS-inwonertallen en gemeentelijke herindelingen inlezen.',
      },
    );
  return (
    <>
      <PageHeading>Beheer</PageHeading>
      <p className="utrecht-paragraph">Beheer de toegang tot het platform voor {me.organisation.name}.</p>
      <ul className="admin-tasks">
        {tasks.map((task) => (
          <li key={task.to} className="card admin-task">
            <h2 className="utrecht-heading-3">
              <Link className="utrecht-link" to={task.to}>
                {task.title}
              </Link>
            </h2>
            <p className="utrecht-paragraph">{task.text}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
