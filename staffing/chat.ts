/**
 * Chat and social messages: an agent holds several conversations at once. Method (the one
 * the leading WFM tools use): each agent is `concurrency` conversation slots; every slot is
 * an Erlang server (C, or A with patience) whose handle time is the conversation's elapsed
 * handle time *as measured while working concurrently* (already stretched by multitasking).
 * Slots needed S come from the queue model; agents = ceil(S / concurrency).
 * describeChatMethod() returns this as data for the page to show.
 */

export interface ChatMethodDescription {
  method: 'concurrency-slots';
  title: string;
  summary: string;
  formula: string[];
  assumptions: string[];
  /** What "first response within 3–5 minutes" means in this model. */
  firstResponseTarget: string;
  /** How agents who take both voice and chat are counted. */
  blendedTeams: string;
  /** Known weaknesses of the method. */
  limitations: string[];
}

export function describeChatMethod(): ChatMethodDescription {
  return {
    method: 'concurrency-slots',
    title: 'Chat as conversation slots (concurrency k)',
    summary:
      'Each chat agent is treated as k independent conversation slots. The queue model (Erlang-C, or Erlang-A when ' +
      'customers leave) finds the slots needed; agents = slots ÷ k, rounded up.',
    formula: [
      'load (Erlangs) = conversations × ahtSeconds ÷ intervalSeconds',
      'slots = smallest S meeting the targets in Erlang-C/A with S servers',
      'rawAgents = ceil(S ÷ k); scheduledAgents = ceil(rawAgents ÷ (1 − shrinkage))',
      'occupancy = busy slot time ÷ slot time (share of the k slots in use)',
    ],
    assumptions: [
      'Conversations arrive as a Poisson stream within each interval.',
      'ahtSeconds is the elapsed time per conversation measured while agents work at concurrency k ' +
        '(from pick-up to close, including waits for the customer), so slowing down with more chats is already in it.',
      'An agent can always take a new conversation while fewer than k are open; k is the same for all chat agents.',
      'Handle times are exponential (the simulator also checks lognormal ones).',
      'Without patienceSeconds nobody leaves the queue (Erlang-C); with it, customers leave after an exponential patience.',
    ],
    firstResponseTarget:
      'A target of "first response within 3–5 minutes" is the service level with thresholdSeconds = 180–300 on the ' +
      'wait until a slot picks the conversation up: the first reply is assumed at pick-up. Replies later in the ' +
      'conversation are inside the handle time and are not targets of this model.',
    blendedTeams:
      'Each channel is sized on its own, as if its agents were dedicated, and the team needs voice agents + chat ' +
      'agents in total, each person counted once. A person who takes both is counted in the chat requirement: they ' +
      'serve chats first and take a call only while holding no chat and with no chat waiting (a blended agent on a ' +
      'call takes no chats, one with open chats takes no calls). Voice then keeps its full count and gets help; chat ' +
      'loses a little when such agents are on calls. Counting blended people as voice agents instead is unsafe: an ' +
      'idle voice agent who picks up chats is kept away from calls for a whole chat (minutes), and the simulator ' +
      'shows voice missing its target that way. The simulator checks a blended rota with the same routing.',
    limitations: [
      'Slots of one agent are not independent in reality: an agent with k chats open answers each more slowly.',
      'Concurrency is a whole number; an agent working at 2.5 on average must be modelled as 2 or 3.',
      'Pooling benefit of blended agents is not credited in the requirement (the simulator shows it), and the small loss to chat when blended agents are on calls is not charged either: check blended rotas in the simulator.',
    ],
  };
}
