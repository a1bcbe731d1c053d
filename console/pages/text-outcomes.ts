// What the channel made of a handset's texts to numbers no work stream has (`unroutable`, from its
// inbound journal). Only those are asked about, the newest few: a card's cost does not grow with
// the thread, and texts to assigned numbers cost nothing extra.
import type { ConsoleData } from '../data';
import type { ConsoleHandset } from '../telesign-schemas';
import type { PurchasedNumber } from './phones';

const ASKED = 5;

export async function textOutcomes(
  data: ConsoleData,
  handset: ConsoleHandset,
  numbers: readonly PurchasedNumber[],
): Promise<Map<string, string>> {
  const unassigned = new Set(numbers.filter((n) => n.workStream === null).map((n) => n.number));
  const asked = handset.outbox.filter((m) => unassigned.has(m.to)).slice(-ASKED);
  const answers = await Promise.all(
    asked.map(async (m) => [m.referenceId, await data.inboundOutcome(m.referenceId)] as const),
  );
  return new Map(answers.flatMap(([ref, outcome]) => (outcome ? [[ref, outcome] as const] : [])));
}
