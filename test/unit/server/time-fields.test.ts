import { expect } from 'chai';
import { AdjustForm } from '../../../server/view-models/forecast';
import { UnavailabilityFormSchema } from '../../../server/view-models/requests';

/** Time fields are 24-hour text (a browser's time picker would show AM/PM on a Georgian page). */
describe('time fields: 24-hour HH:MM typed as text, checked on the server', () => {
  it('availability form, HH:MM and 24:00 accepted; 00:00 as an end means midnight; AM/PM and 25:00 refused', () => {
    const ok = UnavailabilityFormSchema.parse({ weekday: '1', fromTime: '18:30', toTime: '24:00' });
    expect(ok).to.include({ fromTime: '18:30', toTime: '24:00' });
    expect(UnavailabilityFormSchema.parse({ weekday: '1', fromTime: '18:30', toTime: '00:00' }).toTime).to.equal('24:00');
    for (const bad of ['6:30 PM', '25:00', '9:00', '18.30', '']) {
      const res = UnavailabilityFormSchema.safeParse({ weekday: '1', fromTime: bad, toTime: '23:00' });
      expect(res.success, bad).to.equal(false);
      expect(res.error!.issues[0].message, bad).to.equal('requests.error.time');
    }
  });

  it('forecast adjustment, "YYYY-MM-DD HH:MM" or with a T is kept as YYYY-MM-DDTHH:MM; AM/PM refused with the date message', () => {
    const base = { version: '0', kind: 'scale', value: '10', unit: 'percent', note: '' };
    const parsed = AdjustForm.parse({ ...base, from: '2026-11-24 10:00', to: '2026-11-24T12:00' });
    expect(parsed).to.include({ from: '2026-11-24T10:00', to: '2026-11-24T12:00' });
    const bad = AdjustForm.safeParse({ ...base, from: '2026-11-24 10:00 AM', to: '2026-11-24 24:00' });
    expect(bad.success).to.equal(false);
    expect(bad.error!.issues.map((i) => [i.path[0], i.message])).to.deep.include.members([
      ['from', 'forecast.error.date'],
      ['to', 'forecast.error.date'],
    ]);
  });
});
