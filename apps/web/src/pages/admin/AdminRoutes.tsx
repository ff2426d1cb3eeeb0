import { Route, Routes } from 'react-router';
import './admin.css';
import { Alert, PageHeading } from '../../components/ui';
import { useMe } from '../../session';
import { AdminHomePage } from './AdminHome';
import { ApiKeysPage, NewApiKeyPage, RevokeApiKeyPage } from './ApiKeys';
import { AuditLogPage } from './AuditLog';
import { CompliancePage } from './Compliance';
import { isAdmin, isOperator } from './shared';
import { NewUserPage, UserPage, UsersPage } from './Users';
import { WebhookPage } from './WebhookDeliveries';
import { DeleteWebhookPage, NewWebhookPage, WebhooksPage } from './Webhooks';

function NoAccess() {
  return (
    <>
      <PageHeading>Geen toegang</PageHeading>
      <Alert type="info">Dit onderdeel is voor beheerders van uw organisatie en voor platformbeheer.</Alert>
    </>
  );
}

/** Everything under /beheer: for an organisation's administrators (ORG_ADMIN) and the operator. */
export function AdminRoutes() {
  const me = useMe();
  if (!isAdmin(me)) return <NoAccess />;
  return (
    <Routes>
      <Route index element={<AdminHomePage />} />
      <Route path="gebruikers" element={<UsersPage />} />
      <Route path="gebruikers/nieuw" element={<NewUserPage />} />
      <Route path="gebruikers/:id" element={<UserPage />} />
      <Route path="api-sleutels" element={<ApiKeysPage />} />
      <Route path="api-sleutels/nieuw" element={<NewApiKeyPage />} />
      <Route path="api-sleutels/:id/intrekken" element={<RevokeApiKeyPage />} />
      <Route path="webhooks" element={<WebhooksPage />} />
      <Route path="webhooks/nieuw" element={<NewWebhookPage />} />
      <Route path="webhooks/:id" element={<WebhookPage />} />
      <Route path="webhooks/:id/verwijderen" element={<DeleteWebhookPage />} />
      <Route path="auditlog" element={<AuditLogPage />} />
      <Route path="naleving" element={isOperator(me) ? <CompliancePage /> : <NoAccess />} />
    </Routes>
  );
}
