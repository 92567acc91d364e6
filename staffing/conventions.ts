/**
 * The definitions behind the numbers, as data for the pages to show next to them (the issue
 * asks for the conventions to be stated "in the code and on the page").
 */
export interface ModelDescription {
  model: 'erlang-b' | 'erlang-c' | 'erlang-a';
  title: string;
  assumptions: string[];
  source: string;
}

export interface ConventionsDescription {
  metrics: Record<'serviceLevel' | 'asaSeconds' | 'averageWaitSeconds' | 'probabilityOfWait' | 'occupancy' | 'abandonRate', string>;
  targets: string;
  rounding: string;
  models: ModelDescription[];
  cautions: string[];
}

export function describeConventions(): ConventionsDescription {
  return {
    metrics: {
      serviceLevel: 'Contacts answered within thresholdSeconds ÷ all offered contacts; those who hang up count as missed.',
      asaSeconds: 'Average speed of answer: mean wait of the contacts that were answered.',
      averageWaitSeconds: 'Mean wait of all offered contacts (for those who hung up, the time until they did).',
      probabilityOfWait: 'Share of contacts that find every agent busy and queue.',
      occupancy: 'Handled work ÷ on-duty agent time (for chat: share of conversation slots in use).',
      abandonRate: 'Share of offered contacts that hang up before an answer (0 in Erlang-C).',
    },
    targets:
      'Every target is inclusive (service level at least, ASA/occupancy/abandonment at most); the requirement is the ' +
      'smallest number of agents meeting all targets given.',
    rounding:
      'scheduledAgents = rawAgents ÷ (1 − shrinkage), rounded up; a quotient within 1e-9 of a whole number counts as ' +
      'that number (21 ÷ 0.7 = 30, not 31).',
    models: [
      {
        model: 'erlang-b',
        title: 'Erlang-B (loss system)',
        assumptions: ['Poisson arrivals', 'exponential handle times', 'no queue: a contact finding all busy is lost'],
        source: 'A. K. Erlang (1917); stable recursion B(n) = A·B(n−1)/(n + A·B(n−1)).',
      },
      {
        model: 'erlang-c',
        title: 'Erlang-C (M/M/N)',
        assumptions: [
          'Poisson arrivals within the interval',
          'exponential handle times',
          'one FCFS queue',
          'nobody hangs up',
          'needs more agents than Erlangs of load',
        ],
        source: 'Gans, Koole & Mandelbaum (2003), Telephone call centers: tutorial, review and research prospects, §4.1.',
      },
      {
        model: 'erlang-a',
        title: 'Erlang-A (M/M/N+M)',
        assumptions: ['as Erlang-C', 'waiting contacts hang up after an exponential patience (mean patienceSeconds)', 'always stable'],
        source: 'Palm (1943); Garnett, Mandelbaum & Reiman (2002), Designing a call center with impatient customers, MSOM 4(3).',
      },
    ],
    cautions: [
      'Erlang-A with a service-level target alone may staff below the load and let impatient callers leave: ' + 'also set maxAbandonRate.',
      'Each interval is treated as steady state: a queue left over from the previous interval is not carried over ' +
        '(the simulator does carry it).',
    ],
  };
}
