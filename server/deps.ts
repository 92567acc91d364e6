/**
 * What the web app is built from (createApp's argument) and what every route module receives.
 * Kept apart from app.ts and routes/index.ts so that route modules do not import the files
 * that import them.
 */
import type { Config } from './config';
import type { Services } from './services';

export interface AppDeps {
  config: Readonly<Config>;
  services: Services;
  /** The clock: injected so that tests can fix "now". */
  now: () => Date;
  log?: (message: string, err?: unknown) => void;
}

export type RouteDeps = AppDeps & { log: (message: string, err?: unknown) => void };
