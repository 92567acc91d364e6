/**
 * The Dockerfile, the compose file and the proxy configuration cannot be built here (no
 * container engine), so what can be checked without one is: every file the image copies exists
 * or is made by the build, the image starts the bundle's entry, the environment the compose
 * file sets is configuration Rota reads, and the proxy sends to the compose file's instances.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const dockerfile = read('Dockerfile');
const compose = read('deploy/compose.yaml');
const build = read('bin/build.js');

describe('deployment files: Dockerfile, deploy/compose.yaml, deploy/nginx.conf', () => {
  it('Dockerfile, the run stage, copies only what exists in the project or the build makes (dist)', () => {
    const copied = [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((m) => m[1]);
    expect(copied).to.include.members(['dist', 'views', 'public', 'node_modules', 'package.json']);
    for (const f of copied.filter((c) => c !== 'dist' && c !== 'node_modules')) expect(fs.existsSync(path.join(ROOT, f)), f).to.equal(true);
  });

  it('Dockerfile, its command and the compose migration, run entries the build makes (start, cli)', () => {
    const entries = [...build.matchAll(/(?:^|[{,]\s*)'?([a-z-]+)'?: '(?:server|bin|scheduling|app)\/[a-z-]+\.ts'/g)].map((m) => m[1]);
    expect(entries).to.include.members(['start', 'cli', 'solve-worker', 'risk-calibration-worker']);
    expect(dockerfile).to.match(/^CMD \["node", "dist\/start\.js"\]$/m);
    expect(compose).to.contain("command: ['node', 'dist/cli.js', 'db', 'migrate']");
    expect(dockerfile).to.match(/RUN npm run build && npm prune --omit=dev/);
  });

  it('compose: every variable set for the app is one server/config.ts reads', () => {
    const known = new Set([...read('server/config.ts').matchAll(/^ {2}([A-Z][A-Z0-9_]+): (?:z\b|bool\()/gm)].map((m) => m[1]));
    const set = [...compose.matchAll(/^ {4}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]).filter((k) => !k.startsWith('POSTGRES_'));
    expect(set.length).to.be.above(5);
    expect(set.filter((k) => !known.has(k))).to.deep.equal([]);
    expect(
      dockerfile
        .match(/^ENV ([\s\S]*?)\nWORKDIR/m)![1]
        .match(/[A-Z_]+(?==)/g)!
        .filter((k) => !known.has(k)),
    ).to.deep.equal([]);
  });

  it("nginx: the upstream is the compose file's two instances on the port the image listens on", () => {
    const nginx = read('deploy/nginx.conf');
    const servers = [...nginx.matchAll(/^\s*server (\S+):(\d+)/gm)].map((m) => `${m[1]}:${m[2]}`);
    expect(servers).to.deep.equal(['app1:3000', 'app2:3000']);
    expect(compose)
      .to.match(/^ {2}app1:$/m)
      .and.to.match(/^ {2}app2:$/m);
    expect(dockerfile).to.match(/PORT=3000/);
    expect(compose).to.contain("TRUST_PROXY: 'true'");
  });
});
