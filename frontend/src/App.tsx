// Routes. Signed-out visitors see only the sign-in page; signed-in ones get the shell and the
// pages their role may use. Pages a role may not use are not routed for it at all, so their
// URLs are simply not found.

import { Navigate, Route, Routes, useLocation } from 'react-router';
import {
  canManageIngest,
  canManageNotifications,
  canManagePlans,
  canReadAccountReports,
  canReadPortfolio,
  canManageRulePacks,
  canManageUsers,
  canReadAlerts,
  canReadEvents,
  canReadRules,
  homePath,
  isCustomerRole,
  mayReadSharedAccountReport,
} from './auth/permissions';
import { useSession } from './auth/SessionContext';
import { useViewer, ViewerProvider } from './auth/ViewerContext';
import { NotFound } from './components/NotFound';
import { Shell } from './components/Shell';
import { AlertPage } from './pages/AlertPage';
import { AlertsPage } from './pages/AlertsPage';
import { BillingPage } from './pages/BillingPage';
import { CasePage } from './pages/CasePage';
import { CasesPage } from './pages/CasesPage';
import { NotificationsPage } from './pages/NotificationsPage';
import { PortfolioPage } from './pages/PortfolioPage';
import { RulesPage } from './pages/RulesPage';
import { SettingsPage } from './pages/SettingsPage';
import { SignInPage } from './pages/SignInPage';
import { TenantAuditPage } from './pages/TenantAuditPage';
import { TenantHuntPage } from './pages/TenantHuntPage';
import { TenantIngestPage } from './pages/TenantIngestPage';
import { TenantPage } from './pages/TenantPage';
import { TenantReportPage } from './pages/TenantReportPage';
import { TenantRulesPage } from './pages/TenantRulesPage';
import { TenantSlaPage } from './pages/TenantSlaPage';
import { TenantsPage } from './pages/TenantsPage';
import { UsersPage } from './pages/UsersPage';

function SignedInRoutes() {
  const viewer = useViewer();
  const home = homePath(viewer);
  return (
    <Shell>
      <Routes>
        <Route index element={<Navigate to={home} replace />} />
        <Route
          path="tenants"
          element={isCustomerRole(viewer.role) ? <Navigate to={home} replace /> : <TenantsPage />}
        />
        {canReadAlerts(viewer.role) && <Route path="alerts" element={<AlertsPage />} />}
        {canReadAlerts(viewer.role) && <Route path="alerts/:alertId" element={<AlertPage />} />}
        <Route path="cases" element={<CasesPage />} />
        <Route path="cases/:caseId" element={<CasePage />} />
        {canManageRulePacks(viewer.role) && <Route path="rules" element={<RulesPage />} />}
        <Route path="tenants/:tenantId" element={<TenantPage />} />
        <Route path="tenants/:tenantId/audit" element={<TenantAuditPage />} />
        <Route path="tenants/:tenantId/sla" element={<TenantSlaPage />} />
        {canReadEvents(viewer.role) && <Route path="tenants/:tenantId/hunt" element={<TenantHuntPage />} />}
        {canManageIngest(viewer.role) && <Route path="tenants/:tenantId/ingest" element={<TenantIngestPage />} />}
        {canReadRules(viewer.role) && <Route path="tenants/:tenantId/rules" element={<TenantRulesPage />} />}
        {(canReadAccountReports(viewer.role) || mayReadSharedAccountReport(viewer.role)) && <Route path="tenants/:tenantId/report" element={<TenantReportPage />} />}
        {canReadPortfolio(viewer.role) && <Route path="portfolio" element={<PortfolioPage />} />}
        {canManagePlans(viewer.role) && <Route path="billing" element={<BillingPage />} />}
        {canManageNotifications(viewer.role) && <Route path="notifications" element={<NotificationsPage />} />}
        {canManageUsers(viewer.role) && <Route path="users" element={<UsersPage />} />}
        <Route path="settings" element={<SettingsPage />} />
        <Route path="*" element={<NotFound />} />
      </Routes>
    </Shell>
  );
}

function RequireSession() {
  const { state, signOutReason } = useSession();
  const location = useLocation();
  if (state === 'unknown') {
    return (
      <p className="splash" role="status">
        Restoring your session…
      </p>
    );
  }
  if (state === 'signedOut') {
    // A chosen sign-out says so; a session that ended by itself brings the person back here.
    if (signOutReason !== null) return <Navigate to={`/sign-in?notice=${signOutReason}`} replace />;
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  return (
    <ViewerProvider>
      <SignedInRoutes />
    </ViewerProvider>
  );
}

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/*" element={<RequireSession />} />
    </Routes>
  );
}
