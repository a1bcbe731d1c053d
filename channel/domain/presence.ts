// Presence derivation (R-AG-2): Away and Offline stick; otherwise presence follows used capacity.
import type { Presence } from './model';

/** The agent's effective presence from their choice and the capacity their conversations hold. */
export function effectivePresence(
  choice: Presence,
  usedCapacity: number,
  capacity: number,
): Presence {
  if (choice === 'away' || choice === 'offline') return choice;
  if (usedCapacity <= 0) return 'available';
  return usedCapacity >= capacity ? 'busy-dnd' : 'busy';
}
