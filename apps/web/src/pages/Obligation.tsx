import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function ObligationPage() {
  return <PageHeading>Onze verplichting</PageHeading>;
}
