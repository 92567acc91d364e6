/** Template data for the open-shift board. */
import { DateTime } from 'luxon';
import type { BoardItem, OpenShiftBoard } from '../../app/open-shifts';

interface Words {
  t: (key: string, params?: Record<string, unknown>) => string;
  zone: string;
}

function itemView(o: BoardItem, w: Words) {
  const start = DateTime.fromISO(o.start, { zone: w.zone });
  const end = DateTime.fromISO(o.end, { zone: w.zone });
  return {
    id: o.id,
    version: o.version,
    start: o.start,
    end: o.end,
    day: start.toISODate(),
    from: start.toFormat('HH:mm'),
    to: end.toFormat('HH:mm'),
    hours: Math.round(end.diff(start, 'hours').hours * 10) / 10,
    channelKey: `rota.channel.${o.channel}`,
    fromName: o.fromName,
    byAgent: o.source === 'agent',
    claimed: o.status === 'claimed',
    stateText: o.status === 'claimed' ? w.t('openShifts.status.claimed', { name: o.claimedByName }) : w.t('openShifts.status.open'),
    autoApprove: o.autoApprove,
    eligibleCount: o.eligibleCount,
  };
}

/** One row per day, one cell per channel: the number, or that the day already misses its target. */
function headroomView(board: OpenShiftBoard, w: Words) {
  const channels = [...new Set(board.headroom.flatMap((h) => h.days.map((d) => d.channel)))];
  return board.headroom
    .filter((h) => h.days.length)
    .map((h) => {
      const dates = [...new Set(h.days.map((d) => d.date))];
      return {
        weekStart: h.weekStart,
        channels: channels.map((c) => ({ key: `rota.channel.${c}` })),
        days: dates.map((date) => ({
          date,
          cells: channels.map((c) => {
            const d = h.days.find((x) => x.date === date && x.channel === c);
            if (!d || d.headroom === null) return { text: '—' };
            return d.short ? { text: w.t('openShifts.headroom.short'), short: true } : { text: String(d.headroom) };
          }),
        })),
      };
    });
}

export function openShiftBoardView(board: OpenShiftBoard, w: Words) {
  return {
    headroom: headroomView(board, w),
    forMe: board.forMe.map((o) => itemView(o, w)),
    offerable: board.offerable.map((s) => ({ id: s.id, start: s.start, end: s.end, channelKey: `rota.channel.${s.channel}` })),
    myOffers: board.myOffers.map((o) => itemView(o, w)),
    myClaims: board.myClaims.map((o) => itemView(o, w)),
    all: board.all ? board.all.map((o) => itemView(o, w)) : null,
  };
}
