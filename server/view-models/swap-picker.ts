/** Template data for the swap picker: what can be asked, and why the rest is not offered. */
import type { NotOffered, SwapPicker } from '../../app/swap-picker';
import { violationText } from '../i18n/codes';
import type { Words } from './requests';

const shiftView = (s: { id: number; start: string; end: string; channel: string }) => ({
  id: s.id,
  start: s.start,
  end: s.end,
  channelKey: `rota.channel.${s.channel}`,
});

/** Each broken rule once, under the colleague's name: "Less than the minimum rest (…)", or "You: …" for the asker's. */
function reasons(n: NotOffered, w: Words): string[] {
  const out = n.violations.map((v) =>
    Number(v.staffId) === n.staffId ? violationText(v, w.t, w.zone) : `${w.t('requests.picker.you')}: ${violationText(v, w.t, w.zone)}`,
  );
  return [...new Set(out)];
}

export function swapPickerView(p: SwapPicker | null, w: Words) {
  if (!p) return null;
  const groups = new Map<number, { name: string; shifts: ReturnType<typeof shiftView>[] }>();
  for (const s of p.exchange) {
    const g = groups.get(s.staffId) ?? { name: s.staffName, shifts: [] };
    g.shifts.push(shiftView(s));
    groups.set(s.staffId, g);
  }
  return {
    shiftId: p.shiftId,
    colleagueShiftGroups: [...groups.values()].sort((a, b) => a.name.localeCompare(b.name)),
    colleagues: p.giveTo,
    notGiveTo: p.notGiveTo.map((n) => ({ name: n.name, reasons: reasons(n, w) })),
    notExchange: p.notExchange.map((n) => ({ name: n.name, shift: n.shift ? shiftView(n.shift) : null, reasons: reasons(n, w) })),
    notOfferedCount: p.notGiveTo.length + p.notExchange.length,
  };
}
