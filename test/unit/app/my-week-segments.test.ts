import { expect } from 'chai';
import { shiftSegments } from '../../../app/my-week';

const z = (hhmm: string) => `2026-12-08T${hhmm}:00.000Z`;

describe('app/my-week shiftSegments: a shift as stretches of contacts, breaks and lunch', () => {
  it('one channel, a 60-minute lunch: contacts, lunch, contacts', () => {
    const segs = shiftSegments({
      start: z('05:00'),
      end: z('14:00'),
      channel: 'voice',
      activities: null,
      breaks: [{ start: z('09:00'), end: z('10:00') }],
    });
    expect(segs.map((s) => [s.kind, s.start.slice(11, 16), s.end.slice(11, 16), s.channel])).to.deep.equal([
      ['queue', '05:00', '09:00', 'voice'],
      ['lunch', '09:00', '10:00', null],
      ['queue', '10:00', '14:00', 'voice'],
    ]);
  });

  it('activities switch the channel; a 15-minute break is a break; equal neighbours are joined', () => {
    const segs = shiftSegments({
      start: z('05:00'),
      end: z('13:00'),
      channel: 'chat',
      breaks: [
        { start: z('07:00'), end: z('07:15') },
        { start: z('09:00'), end: z('10:00') },
      ],
      activities: [
        { start: z('05:00'), end: z('06:00'), channel: 'chat' },
        { start: z('06:00'), end: z('08:00'), channel: 'email' },
        { start: z('08:00'), end: z('13:00'), channel: 'email' },
      ],
    });
    expect(segs.map((s) => `${s.kind}:${s.channel ?? '-'}:${s.start.slice(11, 16)}-${s.end.slice(11, 16)}`)).to.deep.equal([
      'queue:chat:05:00-06:00',
      'queue:email:06:00-07:00',
      'break:-:07:00-07:15',
      'queue:email:07:15-09:00',
      'lunch:-:09:00-10:00',
      'queue:email:10:00-13:00',
    ]);
  });

  it('off-queue stretches: a titled meeting and the share cut the queue time; two touching pieces of one activity are joined', () => {
    const segs = shiftSegments(
      {
        start: z('05:00'),
        end: z('14:00'),
        channel: 'voice',
        activities: null,
        breaks: [{ start: z('08:00'), end: z('09:00') }],
        offQueue: [
          { kind: 'teamMeeting', start: z('10:00'), end: z('10:30'), activityId: '7' },
          { kind: 'teamMeeting', start: z('10:30'), end: z('11:00'), activityId: '7' },
          { kind: 'offQueue', start: z('13:00'), end: z('14:00') },
        ],
      },
      new Map([['7', 'Weekly team meeting']]),
    );
    expect(
      segs.map(
        (s) =>
          `${s.kind}:${s.activity?.kind ?? s.channel ?? '-'}:${s.activity?.title ?? ''}:${s.start.slice(11, 16)}-${s.end.slice(11, 16)}`,
      ),
    ).to.deep.equal([
      'queue:voice::05:00-08:00',
      'lunch:-::08:00-09:00',
      'queue:voice::09:00-10:00',
      'offQueue:teamMeeting:Weekly team meeting:10:00-11:00',
      'queue:voice::11:00-13:00',
      'offQueue:offQueue::13:00-14:00',
    ]);
  });
});
