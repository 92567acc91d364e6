/** Every route module, mounted in this order by createApp. */
import type { Router } from 'express';
import type { AppDeps } from '../app';
import { authRoutes } from './auth';
import { homeRoutes } from './home';
import { staffRoutes } from './staff';
import { historyRoutes } from './history';
import { rotaRoutes } from './rota';
import { forecastRoutes } from './forecast';
import { requestsRoutes } from './requests';
import { accountsRoutes } from './accounts';
import { staffingRoutes } from './staffing';
import { tokensRoutes } from './tokens';
import { apiRoutes } from './api';
import { auditRoutes } from './audit';

export type RouteDeps = AppDeps & { log: (message: string, err?: unknown) => void };

export const routeModules: ((deps: RouteDeps) => Router)[] = [
  authRoutes,
  homeRoutes,
  staffRoutes,
  historyRoutes,
  forecastRoutes,
  rotaRoutes,
  requestsRoutes,
  // Before accounts: '/accounts/service-tokens' is not an account id.
  tokensRoutes,
  accountsRoutes,
  staffingRoutes,
  apiRoutes,
  auditRoutes,
];
