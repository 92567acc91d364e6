#!/usr/bin/env node
// The `wfm` command line. A plain-JS shim: it registers the TypeScript loader (tsx),
// then hands over to bin/cli.ts, so `npx wfm …` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./cli.ts');
process.exitCode = await main(process.argv.slice(2));
