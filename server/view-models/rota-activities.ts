/** The off-queue activities page: the form's schema and the template data. */
import { z } from 'zod';
import { DateTime } from 'luxon';
import type { ActivityFields, ActivityWithPlacement, weekActivities } from '../../app/rota-activities';
type StaffMember = Awaited<ReturnType<typeof weekActivities>>['staff'][number];

const DATE = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'activities.error.date')
  .refine((s) => DateTime.fromISO(s).isValid, 'activities.error.date');
const TIME = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'activities.error.time');

export const ActivityFormSchema = z
  .object({
    week: DATE,
    kind: z.enum(['teamMeeting', 'meeting', 'training', 'coaching', 'backOffice'], { message: 'activities.error.kind' }),
    title: z.string().trim().min(2, 'activities.error.title').max(120, 'activities.error.title'),
    minutes: z.coerce
      .number({ message: 'activities.error.minutes' })
      .int('activities.error.minutes')
      .min(15, 'activities.error.minutes')
      .max(600, 'activities.error.minutes'),
    attendees: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => [v ?? []].flat())
      .pipe(
        z
          .array(
            z
              .string()
              .regex(/^\d{1,9}$/, 'activities.error.attendees')
              .transform(Number),
          )
          .min(1, 'activities.error.attendees'),
      ),
    fromDate: DATE,
    fromTime: TIME,
    toDate: DATE,
    toTime: TIME,
  })
  .refine((f) => `${f.toDate}T${f.toTime}` > `${f.fromDate}T${f.fromTime}`, { path: ['toTime'], message: 'activities.error.windowOrder' });

export type ActivityForm = z.infer<typeof ActivityFormSchema>;

export function activityFields(f: ActivityForm): ActivityFields {
  return {
    kind: f.kind,
    title: f.title,
    minutes: f.minutes,
    attendees: f.attendees,
    windowStart: `${f.fromDate}T${f.fromTime}`,
    windowEnd: `${f.toDate}T${f.toTime}`,
  };
}

/** field → message key. */
export function activityFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith('activities.') ? issue.message : 'activities.error.invalid';
  }
  return out;
}

export function activitiesViewModel(
  data: { activities: ActivityWithPlacement[]; staff: StaffMember[] },
  o: { weekStart: string; values?: Record<string, unknown>; errors?: Record<string, string>; canEdit: boolean },
) {
  const names = new Map(data.staff.map((p) => [p.id, p.name]));
  const chosen = new Set([(o.values?.attendees as string[] | string | undefined) ?? []].flat().map(Number));
  return {
    weekStart: o.weekStart,
    canEdit: o.canEdit,
    kinds: ['teamMeeting', 'meeting', 'training', 'coaching', 'backOffice'],
    activities: data.activities.map((a) => ({
      ...a,
      kindKey: `activities.kind.${a.kind}`,
      attendeeNames: a.attendees.map((id) => names.get(id) ?? `#${id}`).join(', '),
      placed: a.placedStart !== null,
    })),
    people: data.staff.map((p) => ({ id: p.id, name: p.name, roleKey: `role.${p.role}`, checked: chosen.has(p.id) })),
    values: {
      kind: 'teamMeeting',
      minutes: 60,
      fromDate: o.weekStart,
      fromTime: '09:00',
      toDate: DateTime.fromISO(o.weekStart).plus({ days: 4 }).toISODate(),
      toTime: '18:00',
      ...o.values,
    },
    errors: o.errors ?? {},
  };
}
