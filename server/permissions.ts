/**
 * Role-based permissions. Routes ask for a permission, never for a role, so that what a role
 * may do is written down in one place (this table) and tested against every route group.
 *
 * - agent: own schedule and own requests.
 * - team lead: also sees the team, history, forecasts and staffing, and runs what-if scenarios.
 * - coordinator: also edits and publishes rotas, manages staff, imports history, edits forecasts,
 *   decides requests.
 * - head: everything the coordinator can do (the head plans with the coordinator).
 * - admin: manages accounts and API tokens; sees the team but does not plan.
 */
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
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const AGENT: Permission[] = ['schedule:own', 'requests:own'];
const LEAD: Permission[] = [...AGENT, 'team:view', 'history:view', 'forecast:view', 'staffing:view', 'scenarios:run', 'rota:view'];
const COORDINATOR: Permission[] = [
  ...LEAD,
  'rota:edit',
  'rota:publish',
  'staff:manage',
  'history:import',
  'forecast:edit',
  'requests:decide',
];

const TABLE: Record<Role, ReadonlySet<Permission>> = {
  agent: new Set(AGENT),
  team_lead: new Set(LEAD),
  coordinator: new Set(COORDINATOR),
  head: new Set(COORDINATOR),
  admin: new Set<Permission>(['team:view', 'accounts:manage']),
};

export function can(role: Role, permission: Permission): boolean {
  return TABLE[role]?.has(permission) ?? false;
}
