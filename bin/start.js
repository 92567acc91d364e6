#!/usr/bin/env node
// `npm start`: with NODE_ENV=production the build (dist/start.js, made by `npm run build`);
// otherwise the TypeScript sources through tsx, so a newcomer needs no build step.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(ROOT, 'dist/start.js');

if (process.env.NODE_ENV === 'production') {
  if (!existsSync(built)) {
    console.error('NODE_ENV=production runs the build, and dist/start.js is missing: run `npm run build` first.');
    process.exit(1);
  }
  await import(pathToFileURL(built).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, 'server/start.ts')).href);
}
