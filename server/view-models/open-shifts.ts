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
    claimed: o.status === 'claimed',
    stateText: o.status === 'claimed' ? w.t('openShifts.status.claimed', { name: o.claimedByName }) : w.t('openShifts.status.open'),
    autoApprove: o.autoApprove,
    eligibleCount: o.eligibleCount,
  };
}

export function openShiftBoardView(board: OpenShiftBoard, w: Words) {
  return {
    forMe: board.forMe.map((o) => itemView(o, w)),
    myClaims: board.myClaims.map((o) => itemView(o, w)),
    all: board.all ? board.all.map((o) => itemView(o, w)) : null,
  };
}
