/**
 * What makes Rota installable on a phone's home screen: the web app manifest and a favicon,
 * all served by the app itself (icons in public/icons, drawn by bin/make-icons.ts).
 */
import path from 'node:path';
import { Router } from 'express';
import type { RouteDeps } from '../deps';
import { publicRoute } from '../middleware/auth';
import { PROJECT_ROOT } from '../project-root';

const ICONS = path.join(PROJECT_ROOT, 'public/icons');

/** The top bar's colour, so the phone's status bar matches it. */
export const THEME_COLOUR = '#1c2430';

export function appRoutes(_deps: RouteDeps): Router {
  const router = Router();

  router.get('/manifest.webmanifest', publicRoute('the installable web app'), (req, res) => {
    res.type('application/manifest+json').set('Cache-Control', 'public, max-age=3600');
    res.send(
      JSON.stringify({
        name: req.t('app.name'),
        short_name: req.t('app.name'),
        description: req.t('app.tagline'),
        lang: req.locale,
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: THEME_COLOUR,
        background_color: '#f5f7fa',
        icons: [
          { src: '/static/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
          { src: '/static/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/static/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        ],
      }),
    );
  });

  // Browsers ask for /favicon.ico whatever the page says; a PNG answers it (all of them read it).
  router.get('/favicon.ico', publicRoute('the browser icon'), (_req, res) => {
    res.type('image/png').set('Cache-Control', 'public, max-age=86400').sendFile(path.join(ICONS, 'icon-192.png'));
  });

  return router;
}
