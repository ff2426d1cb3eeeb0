import { PageHeading } from '../components/ui';

// Placeholder: to be built.
export function StatisticsPage() {
  return <PageHeading>Dienstcijfers</PageHeading>;
}
