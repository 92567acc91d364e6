/** Template data for /requests/availability: one's own entries, and the team's for deciders. */
import type { AvailabilityRecord, PreferenceRecord } from '../../app/time-off-availability';
import type { AvailabilityPage, PersonAvailability } from '../../app/time-off-availability';
import { PREFERENCE_KINDS, WEEKDAYS } from './requests';

const entryView = (a: AvailabilityRecord) => ({
  ...a,
  // "Every Monday": Georgian needs the weekday in the dative (ყოველ ორშაბათს), hence whole phrases.
  weekdayKey: a.weekday !== null ? `requests.availability.every.${a.weekday}` : null,
  kindKey: `requests.availabilityKind.${a.kind}`,
});

const preferenceView = (p: PreferenceRecord) => ({
  ...p,
  kindKey: `requests.pref.${p.kind}`,
  weekdayKey: p.weekday !== null ? `weekday.${p.weekday}` : null,
});

const personView = (p: PersonAvailability) => ({
  staffId: p.staffId,
  name: p.name,
  availability: p.availability.map(entryView),
  preferences: p.preferences.map(preferenceView),
});

export function availabilityViewModel(page: AvailabilityPage) {
  return {
    mine: page.mine ? personView(page.mine) : null,
    team: page.team ? page.team.map(personView) : null,
    weekdays: WEEKDAYS,
    everyWeekdays: WEEKDAYS.map((d) => ({ value: d.value, key: `requests.availability.every.${d.value}` })),
    prefKinds: PREFERENCE_KINDS.map((k) => ({ value: k, key: `requests.pref.${k}` })),
  };
}
