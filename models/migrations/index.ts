/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
import { InitialSchema1764061200000 } from './1764061200000-initial-schema';
import { RequestDecisions1764064800000 } from './1764064800000-request-decisions';
import { ShiftIdentity1764864000000 } from './1764864000000-shift-identity';

export const ALL_MIGRATIONS = [InitialSchema1764061200000, RequestDecisions1764064800000, ShiftIdentity1764864000000];
