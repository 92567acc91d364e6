/** The staff form's schema and the template data for the staff pages. */
import { z } from 'zod';
import type { SkillChoice, StaffWithLogin } from '../../app/staff';
import { isoDate as isoDateOf } from './dates';

/** A person as the staff pages show them: the stored record and their login, if any. */
export type StaffMember = StaffWithLogin;

const isoDate = isoDateOf('staff.error.date');
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : null));

export const StaffFormSchema = z
  .object({
    name: z.string().trim().min(2, 'staff.error.name').max(120, 'staff.error.name'),
    role: z.enum(['agent', 'team_lead', 'coordinator', 'head'], { message: 'staff.error.role' }),
    skills: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((v) => [v ?? []].flat())
      // Channel ids; which are the team's is the use case's to check (app/staff.ts).
      .pipe(z.array(z.string().regex(/^[\w-]{1,32}$/, 'staff.error.skills')).min(1, 'staff.error.skills')),
    contractHoursPerWeek: z.coerce.number({ message: 'staff.error.hours' }).min(1, 'staff.error.hours').max(40, 'staff.error.hours'),
    // Percent on the form (a team lead 50, the head 20); stored as a share 0..1. Left out = 100.
    queueSharePercent: z.preprocess(
      (v) => (v === undefined || v === '' ? 100 : v),
      z.coerce.number({ message: 'staff.error.queueShare' }).min(0, 'staff.error.queueShare').max(100, 'staff.error.queueShare'),
    ),
    activeFrom: isoDate,
    activeTo: z
      .union([isoDate, z.literal('')])
      .optional()
      .transform((v) => (v ? v : null)),
    email: optionalText(200).pipe(z.string().email('staff.error.email').nullable()),
    phone: optionalText(40),
    version: z.coerce.number().int().min(0).max(2_147_483_647).default(0),
  })
  .refine((f) => f.activeTo === null || f.activeTo >= f.activeFrom, { path: ['activeTo'], message: 'staff.error.activeTo' })
  .transform(({ queueSharePercent, ...f }) => ({ ...f, queueShare: Math.round(queueSharePercent * 10) / 1000 }));

export type StaffForm = z.infer<typeof StaffFormSchema>;

/** field → message key, for the form to show next to each field. */
export function staffFormErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    out[field] ??= issue.message.startsWith('staff.') ? issue.message : 'staff.error.invalid';
  }
  return out;
}

/** A skill's label and chip colour come from its channel's kind ('voice-2' shows as Calls). */
function skillView(s: string, choices: SkillChoice[]) {
  const kind = choices.find((c) => c.id === s)?.kind ?? s;
  return { skill: kind, key: `skill.${kind}` };
}

/** The staff form's skill checkboxes: the team's channels. */
export function skillChoicesView(choices: SkillChoice[]) {
  return choices.map((c) => ({ id: c.id, ...skillView(c.id, choices) }));
}

export function staffFormValues(p: StaffMember | null, choices: SkillChoice[] = []) {
  return p
    ? {
        ...p,
        queueSharePercent: Math.round(p.queueShare * 1000) / 10,
        activeTo: p.activeTo ?? '',
        email: p.email ?? '',
        phone: p.phone ?? '',
      }
    : {
        id: null,
        name: '',
        role: 'agent',
        skills: [choices.find((c) => c.kind === 'voice')?.id ?? choices[0]?.id ?? 'voice'],
        contractHoursPerWeek: 40,
        queueSharePercent: 100,
        activeFrom: '',
        activeTo: '',
        email: '',
        phone: '',
        version: 0,
      };
}

export function staffListViewModel(people: StaffMember[], filter: { role?: string; skill?: string }, choices: SkillChoice[] = []) {
  const totalHours = people.reduce((sum, p) => sum + p.contractHoursPerWeek, 0);
  return {
    people: people.map((p) => ({
      ...p,
      queueSharePercent: Math.round(p.queueShare * 1000) / 10,
      roleKey: `role.${p.role}`,
      skillKeys: p.skills.map((s) => skillView(s, choices)),
    })),
    skillChoices: skillChoicesView(choices),
    filter,
    count: people.length,
    totalHours,
    roles: ['agent', 'team_lead', 'coordinator', 'head'],
  };
}
