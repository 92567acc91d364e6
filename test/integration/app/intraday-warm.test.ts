/**
 * The intraday warm-up (app/intraday-today.ts warmIntraday), called at start and after actuals:
 * it computes today for every team that answers a channel, each in its own zone, and skips a
 * team without channels; a failure is only logged.
 */
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/app';
import { createTeam } from '../../../app/teams';
import { warmIntraday } from '../../../app/intraday-today';
import { addTeamChannel } from '../../support/team';
import { Channel } from '../../../models';
import { testDbKind } from '../../support/db';
import { defaultTeamId } from '../../support/default-team';

const NOW = new Date('2026-11-25T09:30:00.000Z');

describe(`intraday warm-up: every team with channels (${testDbKind()})`, function () {
  this.timeout(120_000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ now: () => NOW });
  });
  after(async () => app?.close());

  it('warmIntraday, teams A and B with channels and C without, warms A and B and logs nothing', async () => {
    const team = async (name: string, timeZone: string) => {
      const made = await createTeam(app.ds, { name, timeZone, actor: { userId: null }, now: NOW });
      if (made.kind !== 'ok') throw new Error(name);
      return made.team.id;
    };
    const b = await team('Second desk', 'Europe/Berlin');
    // A created team gets copies of the default team's channels: this one gives them up.
    await app.ds.getRepository(Channel).delete({ teamId: await team('No channels', 'Asia/Tbilisi') });
    await addTeamChannel(app.ds, { id: 'bchat', teamId: b, kind: 'chat', sortOrder: 3 });
    const logged: string[] = [];
    const warmed = await warmIntraday(app.ds, { now: NOW, zone: 'Asia/Tbilisi' }, (m) => logged.push(m));
    expect(logged).to.deep.equal([]);
    expect(warmed.teamIds).to.deep.equal([await defaultTeamId(app.ds), b]);
  });
});
