/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
import { InitialSchema1764061200000 } from './1764061200000-initial-schema';
import { RequestDecisions1764064800000 } from './1764064800000-request-decisions';
import { ShiftIdentity1764864000000 } from './1764864000000-shift-identity';
import { ScopedTokens1764151200000 } from './1764151200000-scoped-tokens';
import { DropShiftTemplates1764871200000 } from './1764871200000-drop-shift-templates';
import { DecimalVolumes1764928800000 } from './1764928800000-decimal-volumes';
import { PeopleAccounts1764874800000 } from './1764874800000-people-accounts';
import { OnePublishedRota1796400000000 } from './1796400000000-one-published-rota';
import { Jobs1797500000000 } from './1797500000000-jobs';
import { QueueShare1797900000000 } from './1797900000000-queue-share';
import { OffQueueActivities1797900000001 } from './1797900000001-off-queue-activities';
import { IntervalActuals1798000000000 } from './1798000000000-interval-actuals';
import { Notifications1797600000000 } from './1797600000000-notifications';
import { ForecastEditVersions1797800000000 } from './1797800000000-forecast-edit-versions';
import { OpenShifts1798100000000 } from './1798100000000-open-shifts';
import { PartDayTimeOff1798200000000 } from './1798200000000-part-day-time-off';
import { OpenShiftSource1798300000000 } from './1798300000000-open-shift-source';
import { IntradayOffers1798500000000 } from './1798500000000-intraday-offers';
import { PlatformEvents1798600000000 } from './1798600000000-platform-events';
import { Teams1798700000000 } from './1798700000000-teams';
import { PlatformAdjustments1798800000000 } from './1798800000000-platform-adjustments';
import { PageIndexes1798900000000 } from './1798900000000-page-indexes';
import { TeamRotasChannels1799000000000 } from './1799000000000-team-rotas-channels';
import { TeamScenarios1799200000000 } from './1799200000000-team-scenarios';

export const ALL_MIGRATIONS = [
  InitialSchema1764061200000,
  RequestDecisions1764064800000,
  ScopedTokens1764151200000,
  ShiftIdentity1764864000000,
  DropShiftTemplates1764871200000,
  PeopleAccounts1764874800000,
  DecimalVolumes1764928800000,
  OnePublishedRota1796400000000,
  Jobs1797500000000,
  QueueShare1797900000000,
  OffQueueActivities1797900000001,
  IntervalActuals1798000000000,
  Notifications1797600000000,
  ForecastEditVersions1797800000000,
  OpenShifts1798100000000,
  PartDayTimeOff1798200000000,
  OpenShiftSource1798300000000,
  IntradayOffers1798500000000,
  PlatformEvents1798600000000,
  Teams1798700000000,
  PlatformAdjustments1798800000000,
  PageIndexes1798900000000,
  TeamRotasChannels1799000000000,
  TeamScenarios1799200000000,
];
