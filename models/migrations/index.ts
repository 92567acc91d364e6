/** Every migration, oldest first. Add new ones at the end; never edit one that has shipped. */
import { InitialSchema1764061200000 } from './1764061200000-initial-schema';
import { RequestDecisions1764064800000 } from './1764064800000-request-decisions';
import { OnePublishedRota1796400000000 } from './1796400000000-one-published-rota';

export const ALL_MIGRATIONS = [InitialSchema1764061200000, RequestDecisions1764064800000, OnePublishedRota1796400000000];
