import { expect } from 'chai';
import { DateTime } from 'luxon';
import { channelForecastInput, defaultWeekStart, isOpen, teamCapacity, weekSlots, type ChannelSettings } from '../../../staffing';

const voice: ChannelSettings = {
  id: 'voice',
  kind: 'voice',
  targetServiceLevel: 0.8,
  thresholdSeconds: 20,
  targetAsaSeconds: null,
  maxOccupancy: null,
  shrinkage: 0.3,
  patienceSeconds: null,
  maxAbandonRate: 0.05,
  concurrency: 1,
};
const chat: ChannelSettings = { ...voice, id: 'chat', kind: 'chat', shrinkage: 0.1, concurrency: 2 };

describe('staffing week grid: interval starts, opening hours, team capacity', () => {
  it('weekSlots: a Tbilisi week has 168 hourly starts from local Monday 00:00; a Berlin week into summer time has 167', () => {
    const tbilisi = weekSlots('2026-12-09', 'Asia/Tbilisi', 60);
    expect(tbilisi).to.have.length(168);
    expect(tbilisi[0]!.toISO()).to.equal('2026-12-07T00:00:00.000+04:00');
    expect(weekSlots('2026-03-23', 'Europe/Berlin', 60)).to.have.length(167);
    expect(weekSlots('2026-12-07', 'Asia/Tbilisi', 30)).to.have.length(336);
  });

  it('isOpen: an interval overlapping the weekday span is open, one ending at the opening is not; no hours on file is always open', () => {
    const hours = [{ weekday: 1, opens: '09:00', closes: '18:00' }];
    const at = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tbilisi' });
    expect(isOpen(at('2026-12-07T08:30'), 30, hours)).to.equal(false);
    expect(isOpen(at('2026-12-07T08:45'), 30, hours)).to.equal(true);
    expect(isOpen(at('2026-12-07T17:30'), 30, hours)).to.equal(true);
    expect(isOpen(at('2026-12-07T18:00'), 30, hours)).to.equal(false);
    expect(isOpen(at('2026-12-08T10:00'), 30, hours)).to.equal(false);
    expect(isOpen(at('2026-12-08T03:00'), 60, [])).to.equal(true);
  });

  it('defaultWeekStart: late Sunday in Tbilisi the planning week is the coming Monday; after local midnight, the Monday after', () => {
    // 2026-12-06 is a Sunday; 21:00 UTC is already Monday 01:00 in Tbilisi, so next week starts 14 December.
    expect(defaultWeekStart(new Date('2026-12-06T19:00:00Z'), 'Asia/Tbilisi')).to.equal('2026-12-07');
    expect(defaultWeekStart(new Date('2026-12-06T21:00:00Z'), 'Asia/Tbilisi')).to.equal('2026-12-14');
  });

  it('channelForecastInput: closed intervals get 0 volume; AHT falls back to the week’s volume-weighted mean', () => {
    const slots = weekSlots('2026-12-07', 'Asia/Tbilisi', 60).slice(8, 11);
    const points = [
      { start: slots[0]!.toUTC().toISO()!, volume: 10, ahtSeconds: 200 },
      { start: slots[1]!.toUTC().toISO()!, volume: 30, ahtSeconds: null },
      { start: slots[2]!.toUTC().toISO()!, volume: 20, ahtSeconds: 300 },
    ];
    const input = channelForecastInput(voice, { points }, slots, 60, [{ weekday: 1, opens: '08:00', closes: '10:00' }]);
    expect(input.points.map((p) => [p.volume, p.ahtSeconds, p.open])).to.deep.equal([
      [10, 200, true],
      [30, (10 * 200 + 20 * 300) / 30, true],
      [0, 300, false],
    ]);
    expect(input).to.include({ channel: 'voice', intervalSeconds: 3600, thresholdSeconds: 20, shrinkage: 0.3 });
    // Erlang-C has no abandonment: the target is dropped without a patience.
    expect(input.maxAbandonRate).to.equal(undefined);
  });

  it('teamCapacity: a blended person counts once, in both channels as shared, with the mean of their channels’ shrinkage', () => {
    const req = {
      intervalMinutes: 30,
      rows: [
        { channel: 'voice', rawAgents: 4, scheduledAgents: 6 },
        { channel: 'chat', rawAgents: 2, scheduledAgents: 3 },
      ],
    };
    const staff = [
      { skills: ['voice'], contractHoursPerWeek: 40 },
      { skills: ['voice', 'chat'], contractHoursPerWeek: 30 },
      { skills: ['email'], contractHoursPerWeek: 20 },
    ];
    const cap = teamCapacity(req, [voice, chat], staff);
    expect(cap.people).to.equal(2);
    expect(cap.contractHours).to.equal(70);
    expect(cap.availableAgentHours).to.be.closeTo(40 * 0.7 + 30 * (1 - 0.2), 1e-9);
    expect(cap.rawAgentHours).to.equal(3);
    expect(cap.channels.map((c) => [c.channel, c.dedicatedPeople, c.sharedPeople, c.scheduledAgentHours])).to.deep.equal([
      ['voice', 1, 1, 3],
      ['chat', 0, 1, 1.5],
    ]);
  });
});
