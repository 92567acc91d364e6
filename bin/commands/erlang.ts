/**
 * `wfm erlang`: a JSON array of staffing requests on standard input, a JSON array of
 * results on standard output, one per request, in order. A bad request gives
 * { ok: false, error } in its place without failing the others; input that is not a JSON
 * array exits with code 2.
 *
 * Request fields (see staffing/schema.ts): volume, intervalSeconds, ahtSeconds, and
 * optionally agents, thresholdSeconds, targetServiceLevel, targetAsaSeconds, maxOccupancy,
 * shrinkage, patienceSeconds (switches to Erlang-A), maxAbandonRate, concurrency.
 * Without `agents` a target is required (the smallest staffing meeting all targets is
 * returned); with `agents` that staffing is evaluated, rawAgents = agents and
 * scheduledAgents = ceil(agents ÷ (1 − shrinkage)). Metrics are at rawAgents.
 */
import { parseArgs } from 'node:util';
import { evaluate, parseStaffingRequest, StaffingError } from '../../staffing';
import type { CommandIo } from '../cli';

const USAGE = `usage: wfm erlang < requests.json

Reads a JSON array of requests, e.g.
  [{"volume":100,"intervalSeconds":1800,"ahtSeconds":180,"thresholdSeconds":20,
    "targetServiceLevel":0.8,"maxOccupancy":0.85,"shrinkage":0.3}]
and writes one result per request:
  {"ok":true,"rawAgents":14,"scheduledAgents":20,"serviceLevel":0.888,...} or {"ok":false,"error":"field: reason"}
Optional fields: agents (evaluate this staffing), thresholdSeconds, targetServiceLevel,
targetAsaSeconds, maxOccupancy, shrinkage, patienceSeconds (Erlang-A), maxAbandonRate, concurrency.
`;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

type Result =
  | {
      ok: true;
      rawAgents: number;
      scheduledAgents: number;
      serviceLevel: number | null;
      asaSeconds: number;
      averageWaitSeconds: number;
      probabilityOfWait: number;
      occupancy: number;
      abandonRate: number;
    }
  | { ok: false; error: string };

export function answer(request: unknown): Result {
  try {
    const r = evaluate(parseStaffingRequest(request));
    return {
      ok: true,
      rawAgents: r.rawAgents,
      scheduledAgents: r.scheduledAgents,
      serviceLevel: r.serviceLevel,
      asaSeconds: r.asaSeconds,
      averageWaitSeconds: r.averageWaitSeconds,
      probabilityOfWait: r.probabilityOfWait,
      occupancy: r.occupancy,
      abandonRate: r.abandonRate,
    };
  } catch (err) {
    if (err instanceof StaffingError) return { ok: false, error: err.message };
    throw err;
  }
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  let help: boolean;
  try {
    help = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values.help ?? false;
  } catch (err) {
    io.stderr.write(`wfm erlang: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const text = await readAll(io.stdin);
  let requests: unknown;
  try {
    requests = JSON.parse(text);
  } catch (err) {
    io.stderr.write(`wfm erlang: standard input is not valid JSON (${(err as Error).message})\n`);
    return 2;
  }
  if (!Array.isArray(requests)) {
    io.stderr.write('wfm erlang: standard input must be a JSON array of requests, e.g. [{"volume":100,...}]\n');
    return 2;
  }
  const lines = requests.map((r) => JSON.stringify(answer(r)));
  io.stdout.write(lines.length ? `[\n${lines.join(',\n')}\n]\n` : '[]\n');
  return 0;
}
