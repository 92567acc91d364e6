/**
 * Where links that leave the page (a calendar feed URL, later mail) point: the configured
 * PUBLIC_URL. Without it the request's own protocol and Host header are used, which is right on
 * localhost but lets whoever sends the request choose the address, so production sets PUBLIC_URL.
 */
import type { Request } from 'express';
import type { Config } from './config';

/** The base URL without a trailing slash, e.g. 'https://rota.example.ge'. */
export function publicBaseUrl(config: Pick<Config, 'publicUrl'>, req: Request): string {
  return config.publicUrl ?? `${req.protocol}://${req.get('host')}`;
}

/** The host name alone (for iCalendar UIDs, which must not change with the address used). */
export function publicHostName(config: Pick<Config, 'publicUrl'>, req: Request): string {
  return config.publicUrl ? new URL(config.publicUrl).hostname : req.hostname;
}
