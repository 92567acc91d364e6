import { expect } from 'chai';
import { Readable, Writable } from 'node:stream';
import { run } from '../../../bin/commands/erlang';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, done) {
      text += String(chunk);
      done();
    },
  });
  return { stream, text: () => text };
}

async function wfmErlang(stdin: string, args: string[] = []) {
  const out = sink();
  const err = sink();
  const code = await run(args, { stdin: Readable.from([stdin]), stdout: out.stream, stderr: err.stream });
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('staffing/wfm erlang (command)', () => {
  it('wfm erlang, pyworkforce request plus a bad one, answers both in order without failing', async () => {
    const { code, stdout } = await wfmErlang(
      JSON.stringify([
        {
          volume: 100,
          intervalSeconds: 1800,
          ahtSeconds: 180,
          thresholdSeconds: 20,
          targetServiceLevel: 0.8,
          maxOccupancy: 0.85,
          shrinkage: 0.3,
        },
        { volume: -1, intervalSeconds: 1800, ahtSeconds: 180, agents: 3 },
      ]),
    );
    expect(code).to.equal(0);
    const [good, bad] = JSON.parse(stdout);
    expect(good).to.include({ ok: true, rawAgents: 14, scheduledAgents: 20, abandonRate: 0 });
    expect(good.serviceLevel.toFixed(3)).to.equal('0.888');
    expect(good.occupancy.toFixed(3)).to.equal('0.714');
    expect(Object.keys(good).sort()).to.deep.equal(
      [
        'abandonRate',
        'asaSeconds',
        'averageWaitSeconds',
        'ok',
        'occupancy',
        'probabilityOfWait',
        'rawAgents',
        'scheduledAgents',
        'serviceLevel',
      ].sort(),
    );
    expect(bad.ok).to.equal(false);
    expect(bad.error).to.match(/^volume: /);
  });

  it('wfm erlang, given agents with shrinkage, returns rawAgents = agents and scheduledAgents = ceil(agents ÷ (1 − s))', async () => {
    const { stdout } = await wfmErlang(
      JSON.stringify([{ volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, agents: 21, shrinkage: 0.3 }]),
    );
    expect(JSON.parse(stdout)[0]).to.include({ ok: true, rawAgents: 21, scheduledAgents: 30 });
  });

  it('wfm erlang, unstable Erlang-C with agents, gives ok:false; with patience (Erlang-A) gives metrics', async () => {
    const base = { volume: 100, intervalSeconds: 1800, ahtSeconds: 180, thresholdSeconds: 20, agents: 9 };
    const [c, a] = JSON.parse((await wfmErlang(JSON.stringify([base, { ...base, patienceSeconds: 120 }]))).stdout);
    expect(c.ok).to.equal(false);
    expect(c.error).to.match(/^agents: .*grows without bound/);
    expect(a.ok).to.equal(true);
    expect(a.abandonRate).to.be.within(0.1, 0.3);
  });

  it('wfm erlang, no target and no agents, explains what to give', async () => {
    const [r] = JSON.parse((await wfmErlang('[{"volume":10,"intervalSeconds":1800,"ahtSeconds":180}]')).stdout);
    expect(r.ok).to.equal(false);
    expect(r.error).to.match(/no target given/);
  });

  it('wfm erlang, invalid JSON, exits 2 with a clear message', async () => {
    const { code, stderr, stdout } = await wfmErlang('[{"volume":');
    expect(code).to.equal(2);
    expect(stderr).to.match(/not valid JSON/);
    expect(stdout).to.equal('');
  });

  it('wfm erlang, JSON that is not an array, exits 2', async () => {
    const { code, stderr } = await wfmErlang('{"volume":1}');
    expect(code).to.equal(2);
    expect(stderr).to.match(/must be a JSON array/);
  });

  it('wfm erlang, empty array, writes []', async () => {
    const { code, stdout } = await wfmErlang('[]');
    expect(code).to.equal(0);
    expect(JSON.parse(stdout)).to.deep.equal([]);
  });

  it('wfm erlang, unknown flag, exits 2 with usage', async () => {
    const { code, stderr } = await wfmErlang('[]', ['--bogus']);
    expect(code).to.equal(2);
    expect(stderr).to.match(/usage: wfm erlang/);
  });
});
