/** The built command line's entry (dist/cli.js, `node dist/cli.js <command>`): bin/wfm.js without tsx. */
import { main } from './cli';

process.exitCode = await main(process.argv.slice(2));
