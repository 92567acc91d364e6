/**
 * Role-based permissions. Routes ask for a permission, never for a role, so that what a role
 * may do is written down in one place (this table) and tested against every route group.
 *
 * - agent: own schedule and own requests.
 * - team lead: also sees the team, history, forecasts and staffing, and runs what-if scenarios.
 * - coordinator: also edits and publishes rotas, manages staff, imports history, edits forecasts,
 *   decides requests.
 * - head: everything the coordinator can do (the head plans with the coordinator).
 * - admin: manages accounts and service tokens, reads the audit trail; sees the team but does not plan.
 * - teams: the admin and the head see every team and switch between them (`teams:switch`); the
 *   admin creates teams and moves people between them (`teams:manage`). Leads and coordinators
 *   see only their own team (server/middleware/team.ts sets `req.team`).
 *
 * Every route declares who may use it with one of the guards of middleware/auth.ts
 * (publicRoute, requireLogin, requirePermission, requireAnyPermission, requireScope); each guard
 * carries its `Access` declaration, which the route-matrix test reads from the router itself.
 */
import { TOKEN_SCOPES, type TokenScope } from '../app/api-tokens';
export const ROLES = ['agent', 'team_lead', 'coordinator', 'head', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'schedule:own',
  'requests:own',
  'team:view',
  'history:view',
  'forecast:view',
  'staffing:view',
  'scenarios:run',
  'rota:view',
  'rota:edit',
  'rota:publish',
  'staff:manage',
  'history:import',
  'forecast:edit',
  'requests:decide',
  'accounts:manage',
  'tokens:own',
  'audit:view',
  'teams:switch',
  'teams:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: Permission[] = ['schedule:own', 'requests:own', 'tokens:own'];
const LEAD: Permission[] = [...AGENT, 'team:view', 'history:view', 'forecast:view', 'staffing:view', 'scenarios:run', 'rota:view'];
const COORDINATOR: Permission[] = [
  ...LEAD,
  'rota:edit',
  'rota:publish',
  'staff:manage',
  'history:import',
  'forecast:edit',
  'requests:decide',
  'audit:view',
];

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  team_lead: new Set(LEAD),
  coordinator: new Set(COORDINATOR),
  head: new Set<Permission>([...COORDINATOR, 'teams:switch']),
  admin: new Set<Permission>(['team:view', 'accounts:manage', 'tokens:own', 'audit:view', 'teams:switch', 'teams:manage']),
};

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role]?.has(permission) ?? false;
}

/**
 * Who sees every team of the install and may switch between them (and, for the admin, create
 * teams and move people): the admin and the head. Everyone else sees only their own team.
 */
export function seesAllTeams(role: Role): boolean {
  return can(role, 'teams:switch');
}

/**
 * What a token scope opens, and the permission a person's role needs for their own token to
 * carry it (a service token carries any scope; it belongs to no role).
 */
export const SCOPE_PERMISSION: Record<TokenScope, Permission> = {
  'history:import': 'history:import',
  'actuals:write': 'history:import',
  'rota:read': 'rota:view',
  'calendar:read': 'schedule:own',
};

/** The scopes a role may put on its own tokens. */
export function scopesFor(role: Role): TokenScope[] {
  return TOKEN_SCOPES.filter((s) => can(role, SCOPE_PERMISSION[s]));
}

/** Who may use a route: the declaration every route's guard carries. */
export type Access =
  | { kind: 'public' }
  | { kind: 'login' }
  | { kind: 'permission'; permissions: Permission[] }
  | { kind: 'scope'; scope: TokenScope; permission: Permission };

export const ACCESS = Symbol('rota.access');
