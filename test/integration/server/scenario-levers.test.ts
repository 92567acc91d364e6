/**
 * The what-if levers over HTTP: every bad field refused with its own message (422), and each
 * lever moving the figures the way it must, read from the comparison's cells: a weekday's
 * volume changes that day only, a channel's volume that channel only, more shrinkage lowers
 * service everywhere, new hires raise it, a stricter target leaves the figures and takes more
 * hours, shorter opening hours keep the day's contacts.
 */
import { expect } from 'chai';
import { DateTime } from 'luxon';
import { startTestApp, seedMinimalTeam, type TestApp, type TestClient } from '../../support/app';
import { addRotaTeam, seedServiceWeek, storeWeekRequirement } from '../../support/rota-builders';
import { listStaff } from '../../../models/repositories/staff';

const NOW = new Date('2026-11-20T08:00:00.000Z');
const WEEK = '2026-11-23';
const day = (d: number) => DateTime.fromISO(WEEK).plus({ days: d }).toISODate()!;
const MONDAY = day(0);
const SATURDAY = day(5);
const NEXT_WEEK = day(7);

function compareCells(html: string): Map<string, number> {
  const out = new Map<string, number>();
  const re = /data-compare="(\w+)" data-col="(\w+)" data-channel="([\w-]+)" data-day="([\w-]+)" data-value="([^"]*)"/g;
  for (const m of html.matchAll(re)) if (m[5] !== '') out.set(`${m[1]}|${m[2]}|${m[3]}|${m[4]}`, Number(m[5]));
  return out;
}

describe('what-if levers (HTTP)', function () {
  this.timeout(300_000);
  let app: TestApp;
  let lead: TestClient;
  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        await addRotaTeam(ds, 8);
        await seedServiceWeek(ds, WEEK, { publish: true });
        // The week after: a requirement and no rota yet (the what-if works from the plan).
        await storeWeekRequirement(ds, NEXT_WEEK, { voice: 2, chat: 1 });
      },
    });
    lead = await app.loginAs('team_lead');
  });
  after(async () => app?.close());

  const base = `/scenarios?week=${WEEK}&volume=0&aht=0&sick=0&sim=0`;

  it('each bad lever is refused with its own words next to its field', async () => {
    const cases: [string, string][] = [
      ['vol_voice=abc', 'Enter a change in percent from −90 to 300'],
      ['day_6=999', 'Enter a change in percent from −90 to 300'],
      ['shrinkage=95', 'Enter a shrinkage in percent from 0 to 90'],
      ['sl_voice=0', 'Enter a service level in percent from 1 to 100'],
      ['thr_chat=0', 'Enter seconds from 1 to 3600'],
      ['asa_voice=99999', 'Enter seconds from 1 to 3600'],
      ['opens=10:00', 'the opening before the closing'],
      ['opens=18:00&closes=10:00', 'the opening before the closing'],
      ['opens=25:00&closes=26:00', 'the opening before the closing'],
      ['hires=3', 'Choose what the new hires take.'],
      ['hires=2.5&hireSkill=voice', 'Enter a whole number of new people from 0 to 50.'],
      ['hires=1&hireSkill=voice&hireHours=100', 'Enter weekly hours from 1 to 48.'],
    ];
    for (const [q, words] of cases) {
      const res = await lead.get(`${base}&${q}`);
      expect(res.status, q).to.equal(422);
      expect(res.text, q).to.contain(words).and.to.contain('aria-invalid="true"');
    }
  });

  it('the levers move the figures as they must (the comparison, per day and channel)', async () => {
    const save = async (name: string, levers: Record<string, string>) => {
      const res = await lead.postForm(
        '/scenarios',
        { week: WEEK, channel: 'all', volume: '0', aht: '0', sick: '0', name, ...levers },
        '/scenarios',
      );
      expect(res.status, name).to.equal(302);
      return Number(res.headers.get('location')!.match(/saved=(\d+)/)![1]);
    };
    const busySat = await save('Saturday +60 %, chat +40 %', { day_6: '60', vol_chat: '40' });
    const shrink = await save('Shrinkage 50 %', { shrinkage: '50' });
    const hires = await save('Five voice hires', { hires: '5', hireSkill: 'voice', hireHours: '40' });
    const strict = await save('Voice 95 % in 20 s', { sl_voice: '95', thr_voice: '20' });
    const c = compareCells((await lead.get(`/scenarios/compare?ids=${busySat}&ids=${shrink}&ids=${hires}&ids=${strict}`)).text);
    const v = (fig: string, col: string | number, ch: string, d: string) => c.get(`${fig}|${col}|${ch}|${d}`)!;

    expect(v('sl', busySat, 'voice', SATURDAY)).to.be.below(v('sl', 'baseline', 'voice', SATURDAY));
    expect(v('sl', busySat, 'voice', MONDAY)).to.equal(v('sl', 'baseline', 'voice', MONDAY));
    expect(v('sl', busySat, 'chat', MONDAY)).to.be.below(v('sl', 'baseline', 'chat', MONDAY));
    for (const ch of ['voice', 'chat']) expect(v('sl', shrink, ch, 'week'), ch).to.be.below(v('sl', 'baseline', ch, 'week'));
    expect(v('sl', hires, 'voice', 'week')).to.be.above(v('sl', 'baseline', 'voice', 'week'));
    expect(v('sl', hires, 'chat', 'week')).to.equal(v('sl', 'baseline', 'chat', 'week'));
    expect(v('sl', strict, 'voice', 'week')).to.equal(v('sl', 'baseline', 'voice', 'week'));

    const hoursOf = async (id: number) => {
      const html = (await lead.get(`/scenarios?saved=${id}`)).text;
      return { html, hours: Number(html.match(/data-takes-hours="([\d.]+)"/)![1]) };
    };
    const plain = await save('As planned', {});
    const stricter = await hoursOf(strict);
    expect(stricter.hours, 'a stricter target takes more hours').to.be.above((await hoursOf(plain)).hours);
    expect(stricter.html).to.contain('Calls: target 95 % within 20 s');
    expect((await hoursOf(busySat)).html)
      .to.contain('Sat +60 %')
      .and.to.contain('Chat &amp; social +40 %');
    expect((await hoursOf(hires)).html).to.contain('5 new hires (Calls, 40 h a week)');
  });

  it('without a rota, two people named off on Saturday take hours from Saturday only', async () => {
    const [a, b] = (await listStaff(app.ds)).filter((p) => p.role === 'agent');
    const res = await lead.postForm(
      '/scenarios',
      {
        week: NEXT_WEEK,
        channel: 'all',
        volume: '0',
        aht: '0',
        sick: '0',
        name: 'Two off Saturday',
        off: [String(a!.id), String(b!.id)],
        offDay: ['0:6', '1:6'],
      },
      '/scenarios',
    );
    expect(res.status).to.equal(302);
    const id = Number(res.headers.get('location')!.match(/saved=(\d+)/)![1]);
    const page = (await lead.get(`/scenarios?saved=${id}`)).text;
    expect(page).to.contain('no rota for this week yet');
    const c = compareCells((await lead.get(`/scenarios/compare?ids=${id}`)).text);
    const v = (col: string | number, ch: string, d: string) => c.get(`sl|${col}|${ch}|${d}`)!;
    const sat = day(12);
    const mon = day(7);
    expect(v(id, 'voice', sat) + v(id, 'chat', sat)).to.be.below(v('baseline', 'voice', sat) + v('baseline', 'chat', sat));
    for (const ch of ['voice', 'chat']) expect(v(id, ch, mon), ch).to.equal(v('baseline', ch, mon));
  });

  it('opening hours 12:00-20:00: the week keeps its contacts, service changes; the share link carries the levers', async () => {
    const res = await lead.get(`${base}&opens=12:00&closes=20:00&channel=voice`);
    expect(res.status).to.equal(200);
    expect(res.text).to.contain('open 12:00–20:00 every day');
    const row = (metric: string) =>
      res.text
        .match(new RegExp(`data-metric="${metric}">[\\s\\S]*?<td class="num">([^<]+)</td><td class="num">([^<]+)</td>`))!
        .slice(1, 3)
        .map((x) => Number(x.replace(/[^\d.]/g, '')));
    const [before, after] = row('scenario.metric.volume');
    expect(after).to.be.closeTo(before!, 0.11);
    const [slBefore, slAfter] = row('scenario.metric.sl');
    expect(slAfter).to.not.equal(slBefore);
    const share = res.text
      .match(/href="(\/scenarios\?week[^"]*)"/)![1]!
      .replace(/&amp;/g, '&')
      .replace(/&#x3D;/g, '=');
    const q = new URLSearchParams(share.split('?')[1]);
    expect([q.get('opens'), q.get('closes')]).to.deep.equal(['12:00', '20:00']);
  });
});
