import { expect } from 'chai';
import { type DataSource } from '../../../models';
import { forecastPlatformsPage } from '../../../app/forecast-platforms';
import { createTestDataSource, destroyTestDataSource } from '../../support/db';
import { startTestApp, type TestApp } from '../../support/app';
import { ZONE, seedTwoPlatforms } from '../../support/forecast-builders';

const NOW = new Date('2026-11-16T06:00:00.000Z');
const WEEK = '2026-11-30';

const seedPlatforms = (ds: DataSource) => seedTwoPlatforms(ds, { chatScale: 6 });

describe('forecast platforms page (channel = Σ platforms)', function () {
  this.timeout(120_000);

  describe('forecastPlatformsPage', () => {
    let ds: DataSource;
    beforeEach(async () => {
      ds = await createTestDataSource();
      await seedPlatforms(ds);
    });
    afterEach(async () => destroyTestDataSource(ds));

    it('forecastPlatformsPage, two platforms 2:1, gives shares of 2/3 and 1/3 whose days add up to the channel', async () => {
      const d = (await forecastPlatformsPage(ds, { channelId: 'voice', weekStart: WEEK, fallbackZone: ZONE, now: NOW }))!;
      expect(d.platforms.map((p) => p.code)).to.deep.equal(['bazari', 'sadili']);
      const [bazari, sadili] = d.platforms;
      expect(bazari.share).to.be.closeTo(2 / 3, 0.02);
      expect(sadili.share).to.be.closeTo(1 / 3, 0.02);
      expect(bazari.recentShare).to.be.closeTo(2 / 3, 0.005);
      // Ten identical weeks: the forecast week is like the weeks before it (the two weeks without history not counted).
      expect(bazari.trend).to.be.within(-0.1, 0.1);
      expect(bazari.name).to.equal('Bazari — online marketplace');
      expect(bazari.share + sadili.share).to.be.closeTo(1, 1e-9);
      d.channel.days.forEach((v, k) => expect(v, d.dates[k]).to.be.closeTo(bazari.days[k] + sadili.days[k], 1e-6));
      expect(d.channel.forecast).to.be.greaterThan(0);
      expect(d.reconciliation).to.be.a('string');
      expect(d.dates[0]).to.equal(WEEK);
    });

    it('forecastPlatformsPage, a channel not split by platform, shows it as one unsplit platform', async () => {
      const d = (await forecastPlatformsPage(ds, { channelId: 'chat', weekStart: WEEK, fallbackZone: ZONE, now: NOW }))!;
      expect(d.platforms.map((p) => p.code)).to.deep.equal(['']);
      expect(d.platforms[0].share).to.be.closeTo(1, 1e-9);
    });

    it('forecastPlatformsPage, an unknown channel, is null', async () => {
      expect(await forecastPlatformsPage(ds, { channelId: 'fax', fallbackZone: ZONE, now: NOW })).to.equal(null);
    });
  });

  describe('over HTTP', () => {
    let app: TestApp;
    beforeEach(async () => {
      app = await startTestApp({ now: () => NOW, seed: seedPlatforms });
    });
    afterEach(async () => app?.close());

    it('GET /forecast/platforms: team lead → the channel total and each platform with share and trend; the forecast page links to it', async () => {
      const lead = await app.loginAs('team_lead');
      const forecast = await lead.get('/forecast?channel=voice');
      expect(forecast.text).to.contain('href="/forecast/platforms?channel=voice&week=2026-11-23"');
      const res = await lead.get(`/forecast/platforms?channel=voice&week=${WEEK}`);
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('Channel total').and.contain('Bazari — online marketplace').and.contain('Sadili — food delivery');
      expect(res.text).to.contain('Trend').and.contain('Reconciliation');
      expect(res.text.indexOf('data-platform="bazari"')).to.be.lessThan(res.text.indexOf('data-platform="sadili"'));
    });

    it('GET /forecast/platforms: Georgian browser → the page in Georgian', async () => {
      const lead = await app.loginAs('team_lead');
      const res = await lead.request(`/forecast/platforms?channel=voice&week=${WEEK}`, { headers: { 'accept-language': 'ka' } });
      expect(res.status).to.equal(200);
      expect(res.text).to.contain('პლატფორმები').and.contain('არხი სულ').and.contain('ტენდენცია');
    });

    it('GET /forecast/platforms: an unknown channel → 404; an agent → refused', async () => {
      const lead = await app.loginAs('team_lead');
      expect((await lead.get('/forecast/platforms?channel=fax')).status).to.equal(404);
      const agent = await app.loginAs('agent');
      expect((await agent.get('/forecast/platforms?channel=voice')).status).to.equal(403);
    });
  });
});
