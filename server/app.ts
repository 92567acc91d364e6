/**
 * Builds the Express app from its dependencies; it does not listen (see start.ts), so tests
 * start it on port 0 against a temporary database.
 */
import path from 'node:path';
import express from 'express';
import session from 'express-session';
import helmet from 'helmet';
import { engine } from 'express-handlebars';
import type { AppDeps } from './deps';
import { helpers } from './views-helpers';
import { DatabaseSessionStore } from './session-store';
import { csrfProtection } from './middleware/csrf';
import { localeMiddleware } from './middleware/locale';
import { loadUser, publicRoute } from './middleware/auth';
import { currentTeamMiddleware } from './middleware/team';
import { errorHandler, notFound } from './middleware/errors';
import { navItems } from './navigation';
import { saveSessionBeforeRedirect } from './middleware/session-redirect';
import { routeModules } from './routes';
import { PROJECT_ROOT } from './project-root';
import { unreadNotificationCount } from '../app/notification-list';

export type { AppDeps } from './deps';

const ROOT = PROJECT_ROOT;

export function createApp(deps: AppDeps): express.Express {
  const { config, services } = deps;
  const log = deps.log ?? ((message, err) => console.error(message, err));
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', 1);

  app.engine(
    'hbs',
    engine({
      extname: '.hbs',
      defaultLayout: 'main',
      layoutsDir: path.join(ROOT, 'views/layouts'),
      partialsDir: path.join(ROOT, 'views/partials'),
      helpers,
    }),
  );
  app.set('view engine', 'hbs');
  app.set('views', path.join(ROOT, 'views'));
  // Express caches compiled templates only when NODE_ENV=production; `npm start` does not set it,
  // and recompiling every template and partial per request cost more than the page's own work.
  app.set('view cache', config.cacheTemplates);

  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Charts and heat maps colour cells with inline style attributes; no inline scripts.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: false, // below: also when the request itself came over TLS
      // The page a form was sent from reaches the app (the switchers on a form's answer go back
      // there), never another site.
      referrerPolicy: { policy: 'same-origin' },
    }),
  );
  // HSTS when the site is declared HTTPS-only, or when this request arrived over TLS (directly, or
  // through a proxy trusted with TRUST_PROXY). Over plain http browsers ignore it anyway.
  const hsts = helmet.strictTransportSecurity({ maxAge: 180 * 24 * 3600, includeSubDomains: true });
  app.use((req, res, next) => (config.cookieSecure || req.secure ? hsts(req, res, next) : next()));
  app.use('/static', express.static(path.join(ROOT, 'public'), { maxAge: '1h' }));
  app.get('/vendor/htmx.min.js', publicRoute('a static script'), (_req, res) =>
    res.sendFile(path.join(ROOT, 'node_modules/htmx.org/dist/htmx.min.js')),
  );
  app.get('/healthz', publicRoute('for load balancers'), (_req, res) => res.json({ ok: true }));

  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(express.json({ limit: '1mb' }));
  app.use(
    session({
      name: 'rota.sid',
      secret: config.sessionSecret,
      store: new DatabaseSessionStore(services.sessions, deps.now, config.sessionHours * 3_600_000),
      resave: false,
      saveUninitialized: false,
      rolling: true,
      // 'auto': Secure whenever the request came over TLS, even without COOKIE_SECURE.
      cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure ? true : 'auto', maxAge: config.sessionHours * 3_600_000 },
    }),
  );
  app.use(saveSessionBeforeRedirect);
  app.use(loadUser(services.users, deps.now));
  app.use(localeMiddleware);
  app.use(csrfProtection);
  app.use(currentTeamMiddleware(services));
  app.use((req, res, next) => {
    res.locals.zone = req.zone;
    res.locals.demoMode = config.demoMode;
    res.locals.currentPath = req.path;
    // Where the language and team switchers come back to: the page with its query (the week
    // looked at), for a page read with GET; the team switcher keeps only what is not a team's.
    // A page answering a form (POST) has no address of its own: back to the page the form was on.
    const page = req.method === 'GET' ? { path: req.path, query: req.query as Record<string, unknown> } : refererPage(req);
    res.locals.returnTo = returnUrl(page.path, page.query, null);
    res.locals.teamReturnTo = returnUrl(teamNeutralPath(page.path), page.query, TEAM_NEUTRAL_QUERY);
    if (req.user) {
      // A logged-in page holds someone's data: no browser back-cache or shared proxy may keep it.
      res.set('Cache-Control', 'no-store');
      res.locals.currentUser = req.user;
      res.locals.navItems = navItems(req.user, req.path);
    }
    if (req.session?.flash?.length) {
      res.locals.flash = req.session.flash;
      req.session.flash = [];
    }
    next();
  });

  // The unread count beside the menu on every page a person opens (one COUNT on an index).
  app.use(async (req, res, next) => {
    if (req.user && !req.apiToken) res.locals.unreadNotifications = await unreadNotificationCount(services.db, req.user.id);
    next();
  });

  for (const mount of routeModules) app.use(mount({ ...deps, log }));

  app.use(notFound);
  app.use(errorHandler(log));
  return app;
}

/** Query parameters that mean the same in every team (a week, a period, a day). */
const TEAM_NEUTRAL_QUERY = ['week', 'start', 'weeks', 'date', 'day', 'month'];

/** A relative URL back to a page: its path and query (`keep`: only those parameters), at most 500 characters. */
export function returnUrl(path: string, query: Record<string, unknown>, keep: readonly string[] | null): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (typeof v === 'string' && (keep === null || keep.includes(k))) params.append(k, v);
  }
  const search = params.toString();
  const url = search ? `${path}?${search}` : path;
  return url.length <= 500 ? url : path;
}

/** The page a form was sent from (same host only), else the form's own path. */
function refererPage(req: express.Request): { path: string; query: Record<string, unknown> } {
  const fallback = { path: req.path, query: {} };
  const referer = req.get('referer');
  if (!referer) return fallback;
  try {
    const url = new URL(referer);
    if (url.host !== req.get('host')) return fallback;
    return { path: url.pathname, query: Object.fromEntries(url.searchParams) };
  } catch {
    return fallback;
  }
}

/** Pages about one team's record (an id in the path, or a revision, shift or diff): another team lands on the section instead. */
const TEAM_BOUND_PAGES = new Set(['/rota/publish', '/rota/diff', '/rota/cover', '/rota/shift/new', '/rota/simulate', '/scenarios/compare']);

export function teamNeutralPath(path: string): string {
  const bound = TEAM_BOUND_PAGES.has(path) || path.split('/').some((part) => /^\d+$/.test(part));
  return bound ? `/${path.split('/')[1] ?? ''}` : path;
}
