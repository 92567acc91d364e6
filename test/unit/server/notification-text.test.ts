import { expect } from 'chai';
import {
  changeLines,
  MAX_CHANGE_LINES,
  notificationMailRenderer,
  notificationText,
  shiftText,
} from '../../../server/view-models/notifications';
import type { ShiftChange } from '../../../app/notification-diff';

const en = { locale: 'en' as const, zone: 'Asia/Tbilisi' };
const ka = { locale: 'ka' as const, zone: 'Asia/Tbilisi' };
// 05:00 UTC is 09:00 in Tbilisi (UTC+4 all year).
const mon = { start: '2026-11-30T05:00:00.000Z', end: '2026-11-30T14:00:00.000Z', channel: 'voice' };

describe('notification text: the short diff and the titles, in English and Georgian, in the team’s zone', () => {
  it('shiftText: a Monday 05:00–14:00 UTC call shift → local day, 09:00–18:00, channel in words', () => {
    expect(shiftText(en, mon)).to.equal('Mon 30 Nov 09:00–18:00 (Calls)');
    expect(shiftText(ka, mon)).to.contain('09:00–18:00 (ზარები)');
  });

  it('changeLines: added, removed, moved → one line each with the old and new times of the move', () => {
    const changes: ShiftChange[] = [
      { change: 'added', ...mon },
      { change: 'removed', start: '2026-12-01T05:00:00.000Z', end: '2026-12-01T14:00:00.000Z', channel: 'chat' },
      {
        change: 'moved',
        fromStart: mon.start,
        fromEnd: mon.end,
        start: '2026-11-30T08:00:00.000Z',
        end: '2026-11-30T17:00:00.000Z',
        channel: 'voice',
      },
    ];
    expect(changeLines(en, changes)).to.deep.equal([
      'Added: Mon 30 Nov 09:00–18:00 (Calls)',
      'Removed: Tue 1 Dec 09:00–18:00 (Chat)',
      'Moved: Mon 30 Nov 09:00–18:00 (Calls) → Mon 30 Nov 12:00–21:00 (Calls)',
    ]);
    const kaLines = changeLines(ka, changes);
    expect(kaLines[0]).to.match(/^დაემატა: /);
    expect(kaLines[1]).to.match(/^მოიხსნა: .*\(ჩატი\)$/);
    expect(kaLines[2]).to.match(/^გადაიწია: .*09:00–18:00 \(ზარები\) → .*12:00–21:00 \(ზარები\)$/);
  });

  it(`changeLines: ${MAX_CHANGE_LINES + 3} changes → ${MAX_CHANGE_LINES} lines and "…and 3 more"`, () => {
    const many: ShiftChange[] = Array.from({ length: MAX_CHANGE_LINES + 3 }, () => ({ change: 'added', ...mon }));
    const lines = changeLines(en, many);
    expect(lines).to.have.length(MAX_CHANGE_LINES + 1);
    expect(lines[MAX_CHANGE_LINES]).to.equal('…and 3 more');
    expect(changeLines(ka, many)[MAX_CHANGE_LINES]).to.equal('…და კიდევ 3');
  });

  it('notificationText: time off approved → the days as dates; a note → its own line', () => {
    const t = notificationText(
      'timeOff.decided',
      { status: 'approved', startDate: '2026-12-10', endDate: '2026-12-11', note: ' Enjoy ' },
      en,
    );
    expect(t).to.deep.equal({ title: 'Your time off 10 Dec 2026 – 11 Dec 2026 is approved', lines: ['Note: Enjoy'] });
  });

  it('mail: subject "Rota: <title>", body with the diff and the links to the list and the switches', () => {
    const mail = notificationMailRenderer(
      'https://rota.example.ge',
      () => 'Asia/Tbilisi',
    )({
      id: 1,
      kind: 'notify.rota.changed',
      recipient: 'a@b.ge',
      locale: 'en',
      subject: '',
      body: '',
      params: { weekStart: '2026-11-30', changes: [{ change: 'removed', ...mon }] },
      attempts: 0,
      nextAttemptAt: '',
      sentAt: null,
      lastError: null,
      createdAt: '',
    });
    expect(mail.subject).to.equal('Rota: Your shifts in the week of 30 Nov 2026 changed');
    expect(mail.body.split('\n')).to.deep.equal([
      'Your shifts in the week of 30 Nov 2026 changed',
      '',
      'Removed: Mon 30 Nov 09:00–18:00 (Calls)',
      '',
      'All your notifications: https://rota.example.ge/notifications',
      'Choose which ones you get by e-mail on https://rota.example.ge/account',
    ]);
  });
});
