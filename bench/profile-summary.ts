// Summarises a V8 .cpuprofile (node --cpu-prof): the functions with the most self time, and the
// source files (own code and packages) with the most self time, and Rota's own functions with
// the most total time (themselves and what they call), in ms and per cent of samples.
// `--last S` keeps only the profile's last S seconds (e.g. a benchmark's load phase).
//   node --import tsx bench/profile-summary.ts FILE.cpuprofile [--top 30] [--last S]
import fs from 'node:fs';

const file = process.argv[2];
const topArg = process.argv.indexOf('--top');
const TOP = topArg > 0 ? Number(process.argv[topArg + 1]) : 30;
const lastArg = process.argv.indexOf('--last');
const LAST_US = lastArg > 0 ? Number(process.argv[lastArg + 1]) * 1e6 : Infinity;
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}
const prof = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const counts = new Map<number, number>();
let t = prof.startTime;
let totalSamples = 0;
let spanUs = 0;
prof.samples.forEach((id, i) => {
  t += prof.timeDeltas[i];
  if (prof.endTime - t > LAST_US) return;
  counts.set(id, (counts.get(id) ?? 0) + 1);
  totalSamples++;
  spanUs += prof.timeDeltas[i];
});
const msPerSample = spanUs / 1000 / totalSamples;

const fnSelf = new Map<string, number>();
const fileSelf = new Map<string, number>();
const shortUrl = (u: string) =>
  u
    ? u
        .replace(/^file:\/\//, '')
        .replace(/.*\/node_modules\//, 'npm:')
        .replace(/.*\/(app|server|models|staffing|scheduling|forecasting|views)\//, '$1/')
    : '(native)';
const ownTotal = new Map<string, number>();
const isOwn = (url: string) => /\/(app|server|models|staffing|scheduling|forecasting|seeds)\//.test(url) && !url.includes('node_modules');
for (const [id, n] of counts) {
  const seen = new Set<string>();
  for (let a: number | undefined = id; a !== undefined; a = parent.get(a)) {
    const cf = byId.get(a)!.callFrame;
    if (!isOwn(cf.url)) continue;
    const key = `${cf.functionName || '(anon)'} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
    if (!seen.has(key)) ownTotal.set(key, (ownTotal.get(key) ?? 0) + n);
    seen.add(key);
  }
  const node = byId.get(id)!;
  const cf = node.callFrame;
  const key = `${cf.functionName || '(anon)'} ${shortUrl(cf.url)}:${cf.lineNumber + 1}`;
  fnSelf.set(key, (fnSelf.get(key) ?? 0) + n);
  const f = shortUrl(cf.url).replace(/^(npm:(@[^/]+\/)?[^/]+).*/, '$1');
  fileSelf.set(f, (fileSelf.get(f) ?? 0) + n);
}
const show = (title: string, m: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP))
    console.log(`${(n * msPerSample).toFixed(0).padStart(8)} ms ${((100 * n) / totalSamples).toFixed(1).padStart(5)} %  ${k}`);
};
console.log(`${file}: ${totalSamples} samples, ${(spanUs / 1e6).toFixed(1)} s`);
show('self time by function', fnSelf);
show('self time by file or package', fileSelf);
show("total time of Rota's own functions", ownTotal);
