/** Template data for the home page, per role. */
import type { CurrentUser } from '../express-augment';
import { can } from '../permissions';
import type { HomeSummary } from '../../app/home-summary';
import { weekServiceView } from './week-service';
import { weekToDoView } from './week-todo';
import type { Translator } from '../i18n';

export type { HomeSummary };

export function homeViewModel(user: CurrentUser, s: HomeSummary, t: Translator) {
  const seesTeam = can(user.role, 'team:view') && user.role !== 'admin';
  const leadKey =
    user.role === 'agent'
      ? 'home.agent.lead'
      : user.role === 'team_lead'
        ? 'home.lead.lead'
        : user.role === 'admin'
          ? 'home.admin.lead'
          : 'home.coordinator.lead';
  const stats = seesTeam
    ? [
        { labelKey: 'home.stat.staff', value: s.staffCount },
        { labelKey: 'home.stat.callsYesterday', value: s.callsYesterday },
        { labelKey: 'home.stat.chatsYesterday', value: s.chatsYesterday },
        { labelKey: 'home.stat.asaYesterday', value: s.abandonedYesterday },
        { labelKey: 'home.stat.callsWeek', value: s.callsLast7Days },
        ...(s.pendingTimeOff === null ? [] : [{ labelKey: 'home.stat.pendingRequests', value: s.pendingTimeOff }]),
      ]
    : [];
  return {
    leadKey,
    stats,
    seesTeam,
    hasHistory: s.historyFrom !== null,
    historyFrom: s.historyFrom,
    historyTo: s.historyTo,
    showOwnShifts: user.staffId !== null,
    nextShifts: s.nextShifts,
    panels: s.panels,
    todos: s.weekToDo.map((w) => weekToDoView(w, t)),
    isAdmin: user.role === 'admin',
    service: s.weekService ? weekServiceView(s.weekService, { figures: ['sl', 'asa', 'abandon', 'risk'] }) : null,
  };
}
