/** Template data for the fairness ledger. */
import type { FairnessLedger, LedgerLine } from '../../app/fairness-ledger';
import { FAIRNESS_KINDS } from '../../scheduling';

const fixed = (x: number, digits: number) => (Math.round(x * 10 ** digits) / 10 ** digits).toFixed(digits);

function lineView(l: LedgerLine) {
  return {
    name: l.name,
    counts: FAIRNESS_KINDS.map((k) => ({
      kind: k,
      labelKey: `fairness.kind.${k}`,
      value: l.counts[k],
      draft: l.draft ? l.draft[k] : null,
    })),
    hours: l.hours,
    contractHours: l.contractHours,
    prefsAsked: l.prefsAsked,
    prefsHonoured: l.prefsHonoured,
  };
}

export function fairnessViewModel(ledger: FairnessLedger) {
  return {
    weekStart: ledger.weekStart,
    windowWeeks: ledger.windowWeeks,
    from: ledger.from,
    to: ledger.to,
    publishedWeeks: ledger.publishedWeeks,
    seesEveryone: ledger.seesEveryone,
    draft: ledger.draft,
    kindHeads: FAIRNESS_KINDS.map((k) => ({ labelKey: `fairness.kind.${k}` })),
    lines: ledger.lines.map(lineView),
    own: ledger.seesEveryone ? null : ledger.lines[0] ? lineView(ledger.lines[0]) : null,
    kinds: ledger.kinds.map((k) => ({
      labelKey: `fairness.kind.${k.kind}`,
      min: k.min,
      max: k.max,
      spread: k.spread,
      gini: fixed(k.gini, 2),
      after: k.after ? { spread: k.after.spread, gini: fixed(k.after.gini, 2) } : null,
      values: k.values.join(', '),
    })),
    people: ledger.kinds[0]?.values.length ?? 0,
  };
}
