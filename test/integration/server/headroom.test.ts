/**
 * Headroom on the open-shift board: from the week's rota and requirement (the one projection),
 * per day and channel from today on; a day nobody works says it misses its target; more people
 * on a day never give less headroom; in English and Georgian.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, type TestApp } from '../../support/app';
import { testDbKind } from '../../support/db';
import { makeRota, makeShift, storeWeekRequirement } from '../../support/rota-builders';
import { publishRota } from '../../../models/repositories/rotas';
import { createStaff } from '../../../models/repositories/staff';
import { weekHeadroom } from '../../../app/headroom';

const NOW = new Date('2026-11-25T08:00:00.000Z');
const WEEK = '2026-11-30';
const ZONE = 'Asia/Tbilisi';
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe(`headroom: how many more could be off each day (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  let people: number[];

  before(async () => {
    app = await startTestApp({
      now: () => NOW,
      seed: async (ds) => {
        await seedMinimalTeam(ds);
        people = [];
        for (let i = 0; i < 10; i++)
          people.push(
            (
              await createStaff(
                ds,
                {
                  code: `h${i}`,
                  name: `Voice ${i}`,
                  role: 'agent',
                  skills: ['voice', 'chat'],
                  contractHoursPerWeek: 40,
                  activeFrom: '2025-01-01',
                },
                NOW.toISOString(),
              )
            ).id,
          );
        await storeWeekRequirement(ds, WEEK, { voice: 2, chat: 1 });
        // Monday to Friday: five early (08–17) and five late (14–23) on calls; nobody at the weekend.
        const shifts = [];
        for (const day of ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'])
          for (const [i, id] of people.entries()) shifts.push(makeShift(id, day, i < 5 ? '08:00' : '14:00', i < 5 ? '17:00' : '23:00'));
        const rota = await makeRota(ds, WEEK, shifts);
        await publishRota(ds, rota.id, rota.version, NOW.toISOString(), 'test');
      },
    });
  });
  after(async () => {
    await app?.close();
  });

  it('a day per row, a channel per column; the weekend without anyone misses its target; Georgian too', async () => {
    const week = await weekHeadroom(app.ds, { weekStart: WEEK, zone: ZONE, now: NOW });
    expect(week.hasRota).to.equal(true);
    const mon = week.days.find((d) => d.date === '2026-11-30' && d.channel === 'voice')!;
    const sat = week.days.find((d) => d.date === '2026-12-05' && d.channel === 'voice')!;
    expect(mon.short).to.equal(false);
    expect(mon.headroom!).to.be.at.least(1);
    // Nobody on chat: every day misses its chat target.
    expect(week.days.filter((d) => d.channel === 'chat').every((d) => d.short)).to.equal(true);
    expect(sat).to.include({ short: true, headroom: 0 });

    const agent = await app.loginAs('agent');
    const page = text((await agent.get('/open-shifts')).text);
    expect(page).to.contain('How many more could be off');
    expect(page).to.contain('Week of 30 Nov 2026');
    // Columns: Chat, then Calls.
    expect(page).to.contain(`Mon 30 Nov none: the day misses its target ${mon.headroom} `);
    expect(page).to.contain('Sat 5 Dec none: the day misses its target');
    await agent.postForm('/locale', { locale: 'ka' }, '/open-shifts');
    expect(text((await agent.get('/open-shifts')).text)).to.contain('კიდევ რამდენი შეიძლება იყოს თავისუფალი');
    await agent.postForm('/locale', { locale: 'en' }, '/open-shifts');
  });

  it('a week without a rota has no headroom to show', async () => {
    const week = await weekHeadroom(app.ds, { weekStart: '2026-12-07', zone: ZONE, now: NOW });
    expect(week).to.deep.equal({ weekStart: '2026-12-07', hasRota: false, days: [] });
  });
});
