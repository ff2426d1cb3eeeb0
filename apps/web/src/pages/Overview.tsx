import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function OverviewPage() {
  return <PageHeading>Landelijk overzicht</PageHeading>;
}
