/**
 * Preferences on the person's own page: "rather no evenings on Tuesdays", "rather no nights",
 * a preferred day off are saved from the form and reach the optimiser's problem in its shape
 * (avoid by time of day and weekday, days off); bad input is refused with the field.
 */
import { expect } from 'chai';
import { startTestApp, seedMinimalTeam, type TestApp } from '../../support/app';
import { testDbKind } from '../../support/db';
import { findUserByUsername } from '../../../models/repositories/users';
import { listPreferences } from '../../../models/repositories/availability';
import { loadRotaContext } from '../../../app/rota-problem';

const NOW = new Date('2026-11-25T08:00:00.000Z');

describe(`preferences: set on the account's pages, used by the optimiser (${testDbKind()})`, function () {
  this.timeout(60_000);
  let app: TestApp;

  before(async () => {
    app = await startTestApp({ now: () => NOW, seed: seedMinimalTeam });
  });
  after(async () => {
    await app?.close();
  });

  it('/account links to them; the form saves no-evening on Tuesday, no-night every day and a day off; the problem carries them', async () => {
    const agent = await app.loginAs('agent');
    expect((await agent.get('/account')).text).to.contain('href="/requests/availability#pref-title"');
    const form = (await agent.get('/requests/availability')).text;
    for (const kind of ['no_early', 'no_evening', 'no_night']) expect(form).to.contain(`<option value="${kind}"`);
    expect(form).to.contain('Rather no evening shift');
    for (const fields of [
      { kind: 'no_evening', weekday: '2', weight: '5' },
      { kind: 'no_night', weekday: '', weight: '8' },
      { kind: 'day_off', weekday: '6', weight: '3' },
    ])
      expect((await agent.postForm('/requests/preferences', fields, '/requests/availability')).status).to.equal(302);
    const staffId = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const saved = (await listPreferences(app.ds, staffId)).map((p) => [p.kind, p.weekday, p.weight]);
    expect(saved).to.have.deep.members([
      ['no_evening', 2, 5],
      ['no_night', null, 8],
      ['day_off', 6, 3],
    ]);
    const page = (await agent.get('/requests/availability')).text;
    expect(page).to.contain('Rather no evening shift: Tuesday');

    const ctx = await loadRotaContext(app.ds, {
      weekStart: '2026-11-30',
      zone: 'Asia/Tbilisi',
      intervalMinutes: 60,
      now: NOW,
      withRequirement: false,
    });
    const me = ctx.problem.staff.find((p) => Number(p.id) === staffId)!;
    expect(me.preferences!.avoid).to.have.deep.members([{ time: 'evening', weekday: 2 }, { time: 'night' }]);
    expect(me.preferences!.daysOff).to.deep.equal(['saturday']);
  });

  it('a weekday out of range or an unknown kind is refused with the field; nothing saved', async () => {
    const agent = await app.loginAs('agent');
    const staffId = (await findUserByUsername(app.ds, 'agent'))!.staffId!;
    const before = (await listPreferences(app.ds, staffId)).length;
    const badDay = await agent.postForm(
      '/requests/preferences',
      { kind: 'no_evening', weekday: '9', weight: '5' },
      '/requests/availability',
    );
    expect(badDay.status).to.equal(422);
    const badKind = await agent.postForm('/requests/preferences', { kind: 'no_lunch', weekday: '', weight: '5' }, '/requests/availability');
    expect(badKind.status).to.equal(422);
    expect(badKind.text).to.contain('Choose a preference.');
    expect((await listPreferences(app.ds, staffId)).length).to.equal(before);
  });
});
