/** Every route module, mounted in this order by createApp. */
import type { Router } from 'express';
import type { RouteDeps } from '../deps';
import { authRoutes } from './auth';
import { homeRoutes } from './home';
import { staffRoutes } from './staff';
import { historyRoutes } from './history';
import { rotaRoutes } from './rota';
import { rotaPeriodRoutes } from './rota-period';
import { rotaActivitiesRoutes } from './rota-activities';
import { forecastRoutes } from './forecast';
import { forecastPreviewRoutes } from './forecast-preview';
import { requestsRoutes } from './requests';
import { accountsRoutes } from './accounts';
import { staffingRoutes } from './staffing';
import { accountRoutes } from './account';
import { passwordResetRoutes } from './password-reset';
import { appRoutes } from './web-app';
import { tokensRoutes } from './tokens';
import { apiRoutes } from './api';
import { auditRoutes } from './audit';
import { actualsRoutes } from './actuals';
import { notificationsRoutes } from './notifications';
import { intradayRoutes } from './intraday';
import { fairnessRoutes } from './fairness';
import { openShiftsRoutes } from './open-shifts';
import { teamsRoutes } from './teams';

export type { RouteDeps } from '../deps';

export const routeModules: ((deps: RouteDeps) => Router)[] = [
  authRoutes,
  homeRoutes,
  staffRoutes,
  historyRoutes,
  actualsRoutes,
  intradayRoutes,
  forecastRoutes,
  forecastPreviewRoutes,
  rotaActivitiesRoutes,
  // Before rota: /rota/fairness is open to agents too.
  fairnessRoutes,
  rotaPeriodRoutes,
  rotaRoutes,
  requestsRoutes,
  openShiftsRoutes,
  // Before accounts: '/accounts/service-tokens' is not an account id.
  tokensRoutes,
  accountsRoutes,
  staffingRoutes,
  accountRoutes,
  passwordResetRoutes,
  appRoutes,
  apiRoutes,
  auditRoutes,
  notificationsRoutes,
  teamsRoutes,
];
