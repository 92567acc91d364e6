import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, type TestApp, type TestClient } from '../../support/app';
import { flatForecast, forbiddenForecast, makeVoiceErlangC, openWeekdays, setIntervalMinutes } from '../../support/staffing-builders';
import { requirementForWeek } from '../../../app/requirement-for-week';
import { runScenario } from '../../../app/scenario-run';
import { listAudit } from '../../../models/repositories/audit';
import { listRequirements } from '../../../models/repositories/requirements';
import { createRotaRevision } from '../../../models/repositories/rotas';
import { createForecast } from '../../../models/repositories/forecasts';
import { listStaff } from '../../../models/repositories/staff';
import { makeForecast } from '../../support/forecast-builders';

/**
 * Erlang-C from its textbook formula with factorial sums (not the engine's Erlang-B
 * recursion): probability of waiting, service level within T, ASA. Reference values.
 */
function erlangCReference(agents: number, erlangs: number, ahtSeconds: number, thresholdSeconds: number) {
  let term = 1;
  let sum = 0;
  for (let k = 0; k < agents; k++) {
    sum += term;
    term *= erlangs / (k + 1);
  }
  const top = (term * agents) / (agents - erlangs);
  const pWait = top / (sum + top);
  return {
    serviceLevel: 1 - pWait * Math.exp((-(agents - erlangs) * thresholdSeconds) / ahtSeconds),
    asaSeconds: (pWait * ahtSeconds) / (agents - erlangs),
    occupancy: erlangs / agents,
  };
}

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toFixed(1)}%`;

/** The rows of one model's table on the Erlang page: [agents, scheduled, SL, ASA, …, row class]. */
function modelRows(html: string, model: 'erlang-c' | 'erlang-a') {
  const section = html.split(`class="card model-${model}"`)[1]!.split('</section>')[0]!;
  return [...section.matchAll(/<tr class="([^"]*)">([\s\S]*?)<\/tr>/g)].map((m) => {
    const cells = [...m[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    return { cls: m[1]!, agents: Number(cells[0]!.split(' ')[0]), cells };
  });
}

const TEXTBOOK =
  '/erlang?volume=100&intervalMinutes=30&ahtSeconds=180&thresholdSeconds=20&targetServiceLevel=80&maxOccupancy=85&shrinkage=30';
const WEEK = '2026-12-07';
const ZONE = 'Asia/Tbilisi';
const NOW = new Date('2026-11-25T09:00:00Z');

describe('staffing pages: Erlang calculator, week requirement, what-if scenarios', function () {
  this.timeout(20_000);
  let app: TestApp;
  let lead: TestClient;
  let coordinator: TestClient;

  before(async () => {
    app = await startTestApp();
    lead = await app.loginAs('team_lead');
    coordinator = await app.loginAs('coordinator');
    await setIntervalMinutes(app.ds, 30);
    await makeVoiceErlangC(app.ds);
    await openWeekdays(app.ds, 'voice', '09:00', '18:00');
  });
  after(async () => app?.close());

  describe('who may see what', () => {
    for (const path of ['/erlang', '/staffing', `/scenarios?week=${WEEK}&channel=voice`]) {
      for (const [role, status] of [
        ['agent', 403],
        ['admin', 403],
        ['team_lead', 200],
        ['coordinator', 200],
        ['head', 200],
      ] as const) {
        it(`GET ${path.split('?')[0]}: ${role} gets ${status}`, async () => {
          const client = role === 'team_lead' ? lead : role === 'coordinator' ? coordinator : await app.loginAs(role);
          const res = await client.get(path);
          expect(res.status, res.text.slice(0, 300)).to.equal(status);
        });
      }
    }

    it('POST /staffing/store: a team lead (no forecast:edit or rota:edit) gets 403 and nothing is stored', async () => {
      const res = await lead.postForm('/staffing/store', { week: '2026-12-14', storedAt: '' }, '/staffing?week=2026-12-14');
      expect(res.status).to.equal(403);
      expect(await listRequirements(app.ds, '2026-12-14')).to.have.length(0);
    });

    it('GET /staffing: only a coordinator is offered "Recompute and store"', async () => {
      expect((await lead.get('/staffing')).text).not.to.contain('action="/staffing/store"');
      expect((await coordinator.get('/staffing')).text).to.contain('action="/staffing/store"');
    });
  });

  describe('Erlang calculator', () => {
    it('textbook interval (100 calls / 30 min, AHT 180 s, 80/20, occupancy ≤ 85 %, shrinkage 30 %): Erlang-C needs 14 agents, 20 scheduled', async () => {
      const res = await lead.get(TEXTBOOK);
      expect(res.status).to.equal(200);
      const rows = modelRows(res.text, 'erlang-c');
      const required = rows.filter((r) => r.cls.includes('required'));
      expect(required).to.have.length(1);
      expect(required[0]!.agents).to.equal(14);
      expect(required[0]!.cells[1]).to.equal('20');
      const ref = erlangCReference(14, 10, 180, 20);
      expect(required[0]!.cells[2]).to.equal(pct(ref.serviceLevel)); // 88.8 %
      expect(required[0]!.cells[3]).to.equal(ref.asaSeconds.toFixed(1));
      expect(required[0]!.cells.at(-1)).to.equal(pct(ref.occupancy)); // 71.4 %
      // One agent fewer misses the service level: that is the binding target.
      const thirteen = rows.find((r) => r.agents === 13)!;
      expect(thirteen.cls).to.contain('misses');
      expect(pct(erlangCReference(13, 10, 180, 20).serviceLevel)).to.equal(thirteen.cells[2]);
      expect(res.text).to.match(/Deciding target[^<]*<span class="badge warn">service level/);
    });

    it('every Erlang-C row with agents > load matches the textbook formula (SL, ASA, occupancy)', async () => {
      const rows = modelRows((await lead.get(TEXTBOOK)).text, 'erlang-c');
      expect(rows.length).to.equal(9);
      for (const r of rows.filter((x) => x.agents > 10)) {
        const ref = erlangCReference(r.agents, 10, 180, 20);
        expect([r.cells[2], r.cells[3], r.cells.at(-1)], `agents ${r.agents}`).to.deep.equal([
          pct(ref.serviceLevel),
          ref.asaSeconds.toFixed(1),
          pct(ref.occupancy),
        ]);
      }
      expect(rows.filter((x) => x.agents <= 10).every((x) => x.cells[2]!.includes('Overloaded'))).to.equal(true);
    });

    it('with a patience of 120 s: Erlang-A is shown beside Erlang-C and needs no more agents (callers who hang up shorten the queue)', async () => {
      const res = await lead.get(`${TEXTBOOK}&patienceSeconds=120`);
      const a = modelRows(res.text, 'erlang-a').find((r) => r.cls.includes('required'))!;
      const c = modelRows(res.text, 'erlang-c').find((r) => r.cls.includes('required'))!;
      expect(a.agents).to.be.at.most(c.agents);
      expect(res.text).to.contain('How the numbers are defined');
    });

    it('chat (2 at once): the table counts agents and the chat method and its assumptions are stated', async () => {
      const res = await lead.get(
        '/erlang?volume=40&intervalMinutes=60&ahtSeconds=600&thresholdSeconds=180&targetServiceLevel=80&shrinkage=30&concurrency=2',
      );
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('Chat as conversation slots');
      expect(res.text).to.contain('Assumptions');
      // 40 × 600 / 3600 = 6.67 Erlangs of slots: at least 4 agents of 2 slots are needed for stability.
      expect(modelRows(res.text, 'erlang-c').find((r) => r.cls.includes('required'))!.agents).to.be.at.least(4);
    });

    it('no query: the page opens with the first channel’s targets filled in and a result', async () => {
      const res = await lead.get('/erlang');
      expect(res.status).to.equal(200);
      expect(res.text).to.match(/name="thresholdSeconds" inputmode="decimal" value="20"/);
      expect(res.text).to.contain('class="card model-erlang-c"');
    });

    it('bad input: 422 with a message next to each bad field, and nothing computed', async () => {
      const res = await lead.get(
        '/erlang?volume=abc&intervalMinutes=30&ahtSeconds=-5&targetServiceLevel=80&shrinkage=100&maxAbandonRate=5',
      );
      expect(res.status).to.equal(422);
      const errorOf = (field: string) => res.text.match(new RegExp(`id="e-${field}">([^<]*)<`))?.[1];
      expect(errorOf('volume')).to.equal('Enter a number.');
      expect(errorOf('ahtSeconds')).to.equal('Enter a number above 0.');
      expect(errorOf('shrinkage')).to.equal('Enter a percentage from 0 to below 100, e.g. 30.');
      expect(res.text).not.to.contain('class="card model-erlang-c"');
      expect(res.text).to.contain('value="abc"');
    });

    it('rules between fields: a service level without threshold, an abandonment target without patience, no target at all', async () => {
      const base = '/erlang?volume=100&intervalMinutes=30&ahtSeconds=180';
      const r1 = await lead.get(`${base}&targetServiceLevel=80`);
      expect(r1.status).to.equal(422);
      expect(r1.text).to.match(/id="e-thresholdSeconds">A service level needs its threshold/);
      const r2 = await lead.get(`${base}&maxAbandonRate=5`);
      expect(r2.text).to.match(/id="e-patienceSeconds">An abandonment target needs/);
      const r3 = await lead.get(`${base}&shrinkage=30`);
      expect(r3.text).to.match(/id="e-targetServiceLevel">Give at least one target/);
    });

    it('htmx live update with bad input: 200 (htmx swaps only 2xx) and the field error still shown', async () => {
      const res = await lead.request('/erlang?volume=x&intervalMinutes=30&ahtSeconds=180&maxOccupancy=85', {
        headers: { 'hx-request': 'true' },
      });
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('id="e-volume"');
    });

    it('in Georgian: labels, conventions and field errors are Georgian', async () => {
      const res = await lead.request('/erlang?volume=abc&intervalMinutes=30&ahtSeconds=180&maxOccupancy=85', {
        headers: { 'accept-language': 'ka' },
      });
      expect(res.text).to.contain('Erlang-ის კალკულატორი');
      expect(res.text).to.contain('შეიყვანეთ რიცხვი.');
      const ok = await lead.request(TEXTBOOK.replace('volume=100', 'volume=100&concurrency=2'), { headers: { 'accept-language': 'ka' } });
      expect(ok.text).to.contain('როგორ განისაზღვრება რიცხვები');
      expect(ok.text).to.contain('დაშვებები');
      expect(ok.text).not.to.contain('Conversations arrive as a Poisson stream');
    });
  });

  describe('week requirement', () => {
    const q = { weekStart: WEEK, zone: ZONE, intervalMinutes: 30, now: NOW };

    it('computed from a flat forecast on a 30-minute grid: 14 agents / 20 scheduled while voice is open, 0 when closed', async () => {
      const week = await requirementForWeek(app.ds, q, {
        forecastForWeek: flatForecast({ volume: 100, ahtSeconds: 180, status: 'draft', channels: ['voice'] }),
      });
      expect(week.source).to.equal('computed');
      expect(week.forecastStatus).to.deep.equal({ voice: 'draft', chat: 'draft' });
      const voice = week.rows.filter((r) => r.channel === 'voice');
      expect(voice).to.have.length(7 * 48);
      const at = (local: string) => voice.find((r) => r.start === DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO())!;
      expect([at('2026-12-07T10:30').rawAgents, at('2026-12-07T10:30').scheduledAgents]).to.deep.equal([14, 20]);
      expect(at('2026-12-07T10:30').serviceLevel).to.be.closeTo(erlangCReference(14, 10, 180, 20).serviceLevel, 1e-9);
      expect(at('2026-12-07T08:30').scheduledAgents).to.equal(0); // before opening
      expect(at('2026-12-07T18:00').scheduledAgents).to.equal(0); // closing time
      expect(at('2026-12-12T12:00').scheduledAgents).to.equal(0); // Saturday: closed
      expect(at('2026-12-12T12:00').volume).to.equal(0);
    });

    it('stored and read back: the same rows, source "stored", the forecast not asked again; storing again replaces the week', async () => {
      const forecast = flatForecast({ volume: 100, ahtSeconds: 180, channels: ['voice'] });
      const stored = await requirementForWeek(app.ds, { ...q, store: true, userId: 1 }, { forecastForWeek: forecast });
      expect(stored.source).to.equal('stored');
      const back = await requirementForWeek(app.ds, q, { forecastForWeek: forbiddenForecast });
      expect(back.source).to.equal('stored');
      expect(back.storedAt).to.equal(NOW.toISOString());
      expect(back.rows).to.deep.equal(stored.rows);
      expect(back.forecastStatus).to.deep.equal({ voice: 'computed', chat: 'computed' });
      await requirementForWeek(app.ds, { ...q, store: true }, { forecastForWeek: forecast });
      expect(await listRequirements(app.ds, WEEK)).to.have.length(2 * 7 * 48);
      const audit = await listAudit(app.ds, { entity: 'staffing_requirements' });
      expect(audit[0]!.action).to.equal('staffing.requirement.store');
    });

    it('GET /staffing?week=…: the stored week shows "Stored", the heat map with 20 in open hours and a tooltip, and the team hours', async () => {
      const res = await lead.get(`/staffing?week=${WEEK}`);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('>Stored</span>');
      expect(res.text).to.match(
        /<td style="background:hsl\([^"]+" title="[^"]*Needed: 14 on the queue, 20 on the rota[^"]*"><span class="need-queue" data-need="queue">14<\/span><span class="need-rota" data-need="rota">20<\/span><\/td>/,
      );
      // 4 people × 40 h; voice needs 14 agents × 9 h × 5 days = 630 agent-hours.
      expect(res.text).to.contain('630');
      expect(res.text).to.contain('(4 people, 160 contract hours)');
    });

    it('a forecast accepted after storing marks the stored week out of date for that channel', async () => {
      const week = '2027-01-04';
      await requirementForWeek(
        app.ds,
        { ...q, weekStart: week, store: true },
        { forecastForWeek: flatForecast({ volume: 10, ahtSeconds: 180 }) },
      );
      expect(
        (await requirementForWeek(app.ds, { ...q, weekStart: week }, { forecastForWeek: forbiddenForecast })).staleChannels,
      ).to.deep.equal([]);
      const monday = DateTime.fromISO(week, { zone: ZONE });
      await createForecast(
        app.ds,
        {
          channelId: 'chat',
          weekStart: week,
          horizonStart: monday.toUTC().toISO()!,
          horizonEnd: monday.plus({ weeks: 1 }).toUTC().toISO()!,
          method: 'seasonal-naive',
          chosenBecause: 'test',
          candidates: [],
          warnings: [],
          createdAt: NOW.toISOString(),
          createdBy: 'coordinator',
          status: 'accepted',
        },
        [],
      );
      const back = await requirementForWeek(app.ds, { ...q, weekStart: week }, { forecastForWeek: forbiddenForecast });
      expect(back.source).to.equal('stored');
      expect(back.staleChannels).to.deep.equal(['chat']);
      expect((await lead.get(`/staffing?week=${week}`)).text).to.contain('another forecast was accepted since: recompute');
    });

    it('GET /staffing in Georgian renders the heat map page in Georgian', async () => {
      const res = await lead.request(`/staffing?week=${WEEK}`, { headers: { 'accept-language': 'ka' } });
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('საჭირო პერსონალი');
      expect(res.text).to.contain('შენახული');
    });

    it('POST /staffing/store with the storedAt the page showed: stored again; with an outdated one: 409 and nothing changes', async () => {
      const stale = await coordinator.postForm(
        '/staffing/store',
        { week: WEEK, storedAt: '2000-01-01T00:00:00.000Z' },
        `/staffing?week=${WEEK}`,
      );
      expect(stale.status).to.equal(409);
      expect((await listRequirements(app.ds, WEEK))[0]!.createdAt).to.equal(NOW.toISOString());
      const week2 = '2026-12-21';
      // A forecast of the week for each channel (with neither forecast nor history nothing is stored).
      for (const channelId of ['voice', 'chat'])
        await makeForecast(app.ds, { channelId, weekStart: week2, intervalMinutes: 30, volume: 5 });
      const ok = await coordinator.postForm('/staffing/store', { week: week2, storedAt: '' }, `/staffing?week=${week2}`);
      expect(ok.status).to.equal(302);
      expect(ok.headers.get('location')).to.equal(`/staffing?week=${week2}`);
      expect(await listRequirements(app.ds, week2)).to.have.length(2 * 7 * 48);
      expect((await coordinator.get(`/staffing?week=${week2}`)).text).to.contain(
        'The requirement for this week was recomputed and stored.',
      );
    });
  });

  describe('what-if scenarios', () => {
    it('volume +15 % and AHT +10 % on the stored week: ASA and service level worse than baseline, per interval, for the week and simulated', async () => {
      const r = await runScenario(
        app.ds,
        { weekStart: WEEK, channel: 'voice', volumeChangePct: 15, ahtChangePct: 10, peopleOff: 0 },
        { zone: ZONE, now: NOW },
      );
      expect(r.staffingSource).to.equal('requirement');
      const voice = r.channels[0]!;
      expect(voice.channel).to.equal('voice');
      // Baseline staffing = 20 scheduled × 0.7 = 14 agents, the textbook answer.
      const busy = voice.intervals.find((i) => i.baseline.volume > 0)!;
      expect(busy.baseline.agents).to.equal(14);
      expect(busy.baseline.asaSeconds).to.be.closeTo(erlangCReference(14, 10, 180, 20).asaSeconds, 1e-9);
      // 115 calls × 198 s / 1800 s = 12.65 Erlangs on 14 agents.
      expect(busy.scenario.asaSeconds).to.be.closeTo(erlangCReference(14, 12.65, 198, 20).asaSeconds, 1e-6);
      expect(voice.scenario.asaSeconds!).to.be.greaterThan(voice.baseline.asaSeconds!);
      expect(voice.scenario.serviceLevel!).to.be.lessThan(voice.baseline.serviceLevel!);
      expect(voice.simScenario!.asaSeconds.mean!).to.be.greaterThan(voice.simBaseline!.asaSeconds.mean!);
      expect(voice.simScenario!.serviceLevel.mean!).to.be.lessThan(voice.simBaseline!.serviceLevel.mean!);
    });

    it('two people off sick without a rota: their mean contract hours come off the plan and ASA gets worse', async () => {
      const base = await runScenario(
        app.ds,
        { weekStart: WEEK, channel: 'voice', volumeChangePct: 0, ahtChangePct: 0, peopleOff: 0 },
        { zone: ZONE, now: NOW, simulate: false },
      );
      const sick = await runScenario(
        app.ds,
        { weekStart: WEEK, channel: 'voice', volumeChangePct: 0, ahtChangePct: 0, peopleOff: 2 },
        { zone: ZONE, now: NOW, simulate: false },
      );
      expect(sick.removedAgentHours).to.equal(80);
      expect(sick.channels[0]!.scenario.agentHours).to.be.lessThan(base.channels[0]!.scenario.agentHours);
      expect(sick.channels[0]!.scenario.asaSeconds!).to.be.greaterThan(base.channels[0]!.scenario.asaSeconds!);
    });

    it('with a rota for the week: agents on duty come from its shifts (breaks left out) and one person off sick loses all their shifts', async () => {
      const week = '2026-12-28';
      const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toUTC().toISO()!;
      const people = await listStaff(app.ds);
      const day = (d: string, staffId: number, lunch: boolean) => ({
        staffId,
        start: local(`${d}T09:00`),
        end: local(`${d}T18:00`),
        channel: 'voice',
        locked: false,
        activities: null,
        breaks: lunch ? [{ start: local(`${d}T13:00`), end: local(`${d}T14:00`) }] : [],
      });
      // Everyone works Monday; the first person also works Tuesday (most hours: the one off sick).
      const shifts = [...people.map((p) => day('2026-12-28', p.id, p.id !== people[0]!.id)), day('2026-12-29', people[0]!.id, true)];
      await createRotaRevision(app.ds, { weekStart: week, createdBy: 'coordinator' }, shifts, NOW.toISOString());
      const r = await runScenario(
        app.ds,
        { weekStart: week, channel: 'voice', volumeChangePct: 0, ahtChangePct: 0, peopleOff: 1 },
        { zone: ZONE, now: NOW, simulate: false },
      );
      expect(r.staffingSource).to.equal('rota');
      expect(r.sickStaffIds).to.deep.equal([people[0]!.id]);
      const agentsAt = (iso: string) => r.channels[0]!.intervals.find((i) => i.start === local(iso));
      expect([agentsAt('2026-12-28T10:00')!.baseline.agents, agentsAt('2026-12-28T10:00')!.scenario.agents]).to.deep.equal([
        people.length,
        people.length - 1,
      ]);
      expect(agentsAt('2026-12-28T13:00')!.baseline.agents).to.equal(1); // only the one without a lunch break
      expect([agentsAt('2026-12-29T10:00')!.baseline.agents, agentsAt('2026-12-29T10:00')!.scenario.agents]).to.deep.equal([1, 0]);
    });

    it('GET /scenarios with parameters shows baseline vs scenario; POST saves it by name; the list and the saved page show it', async () => {
      const path = `/scenarios?week=${WEEK}&channel=voice&volume=15&aht=10&sick=0`;
      const res = await lead.get(path);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('Volume +15 %, handle time +10 %, 0 people off sick');
      expect(res.text).to.contain('class="table compact scenario-sim"');
      const quick = await lead.get(`${path}&sim=0`);
      expect(quick.text).not.to.contain('class="table compact scenario-sim"');
      expect(quick.text).to.match(/href="\/scenarios\?week(=|&#x3D;)2026-12-07[^"]*sim(=|&#x3D;)1"/);
      const saved = await lead.postForm(
        '/scenarios',
        { week: WEEK, channel: 'voice', volume: '15', aht: '10', sick: '0', name: 'Black Friday +15%' },
        path,
      );
      expect(saved.status).to.equal(302);
      const location = saved.headers.get('location')!;
      expect(location).to.match(/^\/scenarios\?saved=\d+$/);
      const list = await lead.get('/scenarios');
      expect(list.text).to.contain('Black Friday +15%');
      const one = await lead.get(location);
      expect(one.text).to.contain('Saved scenario: Black Friday +15%');
      expect(one.text).to.contain('class="table compact scenario-sim"');
    });

    it('in Georgian: the scenario page and its figures are Georgian', async () => {
      const res = await lead.request(`/scenarios?week=${WEEK}&channel=voice&volume=15&sim=0`, { headers: { 'accept-language': 'ka' } });
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('„რა მოხდება, თუ“ სცენარები');
      expect(res.text).to.contain('საბაზისო');
      expect(res.text).to.contain('პ.პ.');
    });

    it('bad scenario input: 422 with field errors; saving without a name: 422', async () => {
      const res = await lead.get(`/scenarios?week=nope&volume=abc&sick=-1`);
      expect(res.status).to.equal(422);
      expect(res.text).to.contain('Choose a week (a date).');
      expect(res.text).to.contain('Enter a change in percent from −90 to 300, e.g. 15.');
      expect(res.text).to.contain('Enter a whole number of people from 0 to 100.');
      const noName = await lead.postForm(
        '/scenarios',
        { week: WEEK, channel: 'voice', volume: '15', aht: '0', sick: '0', name: '' },
        '/scenarios',
      );
      expect(noName.status).to.equal(422);
      expect(noName.text).to.contain('Give the scenario a name');
    });
  });
});
