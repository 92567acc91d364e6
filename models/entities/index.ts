import { ApiToken } from './api-token';
import { AuditLog } from './audit-log';
import { Availability } from './availability';
import { CalendarEvent } from './calendar-event';
import { Channel } from './channel';
import { ContactHistory } from './contact-history';
import { Forecast } from './forecast';
import { ForecastAdjustment } from './forecast-adjustment';
import { ForecastPlatformValue } from './forecast-platform-value';
import { ForecastValue } from './forecast-value';
import { HistoryImport } from './history-import';
import { IntervalActual } from './interval-actual';
import { IntradayOffer } from './intraday-offer';
import { Job } from './job';
import { LoginAttempt } from './login-attempt';
import { Notification } from './notification';
import { NotificationOutbox } from './notification-outbox';
import { OpenShift } from './open-shift';
import { OffQueueActivity } from './off-queue-activity';
import { OpeningHours } from './opening-hours';
import { PasswordResetToken } from './password-reset-token';
import { Platform } from './platform';
import { Preference } from './preference';
import { Rota } from './rota';
import { Scenario } from './scenario';
import { Session } from './session';
import { Shift } from './shift';
import { ShiftCancellation } from './shift-cancellation';
import { Staff } from './staff';
import { StaffingRequirement } from './staffing-requirement';
import { SwapRequest } from './swap-request';
import { TeamSettings } from './team-settings';
import { Team } from './team';
import { TimeOffRequest } from './time-off-request';
import { UserAccount } from './user-account';

export {
  ApiToken,
  AuditLog,
  Availability,
  CalendarEvent,
  Channel,
  ContactHistory,
  Forecast,
  ForecastAdjustment,
  ForecastPlatformValue,
  ForecastValue,
  HistoryImport,
  IntervalActual,
  IntradayOffer,
  Job,
  LoginAttempt,
  Notification,
  NotificationOutbox,
  OpenShift,
  OffQueueActivity,
  OpeningHours,
  PasswordResetToken,
  Platform,
  Preference,
  Rota,
  Scenario,
  Session,
  Shift,
  ShiftCancellation,
  Staff,
  StaffingRequirement,
  SwapRequest,
  TeamSettings,
  Team,
  TimeOffRequest,
  UserAccount,
};

export const ALL_ENTITIES = [
  Team,
  TeamSettings,
  Channel,
  OpeningHours,
  Platform,
  Staff,
  UserAccount,
  ApiToken,
  Session,
  LoginAttempt,
  HistoryImport,
  ContactHistory,
  IntervalActual,
  CalendarEvent,
  Forecast,
  ForecastValue,
  ForecastAdjustment,
  ForecastPlatformValue,
  StaffingRequirement,
  Rota,
  Shift,
  OffQueueActivity,
  ShiftCancellation,
  Availability,
  Preference,
  TimeOffRequest,
  SwapRequest,
  Scenario,
  AuditLog,
  PasswordResetToken,
  NotificationOutbox,
  Job,
  Notification,
  OpenShift,
  IntradayOffer,
];
