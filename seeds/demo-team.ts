/**
 * The demo team, shaped on the first customer: 35 people in Tbilisi — 1 head, 1 coordinator,
 * 3 team leads, 30 agents. Everyone takes contacts; the leads, the coordinator and the head
 * handle both channels, part of their time only (queue share: leads 50 %, the coordinator
 * 30 %, the head 20 %; the rest of their hours is planned off the queue). Skills roughly as the customer's: 16 voice only, 8 chat only,
 * 11 both (the 5 above plus 6 agents). Contracts are 40 h/week except 5 part-timers (30 h or
 * 24 h: students). Names are common Georgian names; usernames are their Latin transliteration
 * (national system, 2002) as first.last.
 */
import type { NewStaffMember, StaffRole } from '../models';

interface TeamMember {
  first: string;
  last: string;
  role: StaffRole;
  skills: ('voice' | 'chat')[];
  hours: number;
  /** Share of worked hours on the queue; the rest is off-queue (leading, planning). Default 1. */
  queueShare?: number;
}

const V: ('voice' | 'chat')[] = ['voice'];
const C: ('voice' | 'chat')[] = ['chat'];
const VC: ('voice' | 'chat')[] = ['voice', 'chat'];

const MEMBERS: TeamMember[] = [
  { first: 'Tamar', last: 'Javakhishvili', role: 'head', skills: VC, hours: 40, queueShare: 0.2 },
  { first: 'Giorgi', last: 'Kapanadze', role: 'coordinator', skills: VC, hours: 40, queueShare: 0.3 },
  { first: 'Nino', last: 'Beridze', role: 'team_lead', skills: VC, hours: 40, queueShare: 0.5 },
  { first: 'Levan', last: 'Chkheidze', role: 'team_lead', skills: VC, hours: 40, queueShare: 0.5 },
  { first: 'Salome', last: 'Abashidze', role: 'team_lead', skills: VC, hours: 40, queueShare: 0.5 },
  // Voice only (16)
  { first: 'Davit', last: 'Maisuradze', role: 'agent', skills: V, hours: 40 },
  { first: 'Mariam', last: 'Lomidze', role: 'agent', skills: V, hours: 40 },
  { first: 'Luka', last: 'Gelashvili', role: 'agent', skills: V, hours: 40 },
  { first: 'Ana', last: 'Tsiklauri', role: 'agent', skills: V, hours: 40 },
  { first: 'Irakli', last: 'Kvaratskhelia', role: 'agent', skills: V, hours: 40 },
  { first: 'Eka', last: 'Natsvlishvili', role: 'agent', skills: V, hours: 40 },
  { first: 'Nika', last: 'Mchedlishvili', role: 'agent', skills: V, hours: 40 },
  { first: 'Ketevan', last: 'Jorbenadze', role: 'agent', skills: V, hours: 40 },
  { first: 'Sandro', last: 'Gogoladze', role: 'agent', skills: V, hours: 40 },
  { first: 'Natia', last: 'Kiknadze', role: 'agent', skills: V, hours: 40 },
  { first: 'Tornike', last: 'Bakuradze', role: 'agent', skills: V, hours: 40 },
  { first: 'Lika', last: 'Tsereteli', role: 'agent', skills: V, hours: 40 },
  { first: 'Zurab', last: 'Khutsishvili', role: 'agent', skills: V, hours: 40 },
  { first: 'Maka', last: 'Dolidze', role: 'agent', skills: V, hours: 30 },
  { first: 'Beka', last: 'Sulaberidze', role: 'agent', skills: V, hours: 24 },
  { first: 'Sopho', last: 'Gabunia', role: 'agent', skills: V, hours: 40 },
  // Chat only (8)
  { first: 'Elene', last: 'Kobakhidze', role: 'agent', skills: C, hours: 40 },
  { first: 'Saba', last: 'Tabatadze', role: 'agent', skills: C, hours: 40 },
  { first: 'Tekle', last: 'Meskhi', role: 'agent', skills: C, hours: 40 },
  { first: 'Mariami', last: 'Chikovani', role: 'agent', skills: C, hours: 30 },
  { first: 'Nikoloz', last: 'Papava', role: 'agent', skills: C, hours: 40 },
  { first: 'Anano', last: 'Kharaishvili', role: 'agent', skills: C, hours: 24 },
  { first: 'Gvantsa', last: 'Shengelia', role: 'agent', skills: C, hours: 40 },
  { first: 'Dachi', last: 'Tsintsadze', role: 'agent', skills: C, hours: 40 },
  // Both (6 agents)
  { first: 'Teona', last: 'Gvaramia', role: 'agent', skills: VC, hours: 40 },
  { first: 'Aleksandre', last: 'Jgenti', role: 'agent', skills: VC, hours: 40 },
  { first: 'Khatia', last: 'Makharadze', role: 'agent', skills: VC, hours: 40 },
  { first: 'Giga', last: 'Kurdadze', role: 'agent', skills: VC, hours: 30 },
  { first: 'Lela', last: 'Vashakidze', role: 'agent', skills: VC, hours: 40 },
  { first: 'Otar', last: 'Chanturia', role: 'agent', skills: VC, hours: 40 },
];

export interface DemoPerson {
  staff: NewStaffMember;
  username: string;
}

/**
 * The 35 members with codes s01…s35. `activeFrom` spreads joining dates over the last six
 * years (leads first); the phone numbers are Georgian mobile-shaped (+995 5xx) and fictional.
 */
export function demoTeam(today: string, randomInt: (min: number, max: number) => number): DemoPerson[] {
  const year = Number(today.slice(0, 4));
  return MEMBERS.map((m, i) => {
    const username = `${m.first}.${m.last}`.toLowerCase();
    const joinYear = year - (m.role === 'agent' ? randomInt(0, 4) : randomInt(4, 6));
    const joinMonth = String(randomInt(1, 12)).padStart(2, '0');
    return {
      username,
      staff: {
        code: `s${String(i + 1).padStart(2, '0')}`,
        name: `${m.first} ${m.last}`,
        role: m.role,
        skills: [...m.skills],
        contractHoursPerWeek: m.hours,
        queueShare: m.queueShare ?? 1,
        activeFrom: `${joinYear}-${joinMonth}-01` < today ? `${joinYear}-${joinMonth}-01` : `${year - 1}-01-01`,
        activeTo: null,
        email: `${username}@rota-demo.example`,
        phone: `+995 5${randomInt(50, 99)} ${randomInt(10, 99)} ${randomInt(10, 99)} ${randomInt(10, 99)}`,
      },
    };
  });
}

/**
 * Client platforms the team answers for: invented names (Georgian words) for the kinds of
 * online businesses the customer supports.
 */
export const DEMO_PLATFORMS: { code: string; name: string }[] = [
  { code: 'bazari', name: 'Bazari — online marketplace' },
  { code: 'sadili', name: 'Sadili — food delivery' },
  { code: 'bileti', name: 'Bileti — event tickets' },
  { code: 'mogzauri', name: 'Mogzauri — travel booking' },
  { code: 'sakhli', name: 'Sakhli — real-estate listings' },
  { code: 'manqana', name: 'Manqana — car marketplace' },
  { code: 'tsigni', name: 'Tsigni — online bookshop' },
  { code: 'aptiaki', name: 'Aptiaki — pharmacy delivery' },
  { code: 'gza', name: 'Gza — ride hailing' },
  { code: 'tamashi', name: 'Tamashi — online games' },
];
