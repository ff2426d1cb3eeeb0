import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function NotificationsPage() {
  return <PageHeading>Meldingen</PageHeading>;
}
