// Take it away: conversations as a recording `npm run replay` accepts (the scenario recorder's
// format, built from the channel's own records), and a transcript as JSON.
import type { WorldIds } from '../scenarios/world/apply-world';
import type { FetchLike } from './data';

/** What a recording needs to name things as the world file does: the world and the ids it seeded. */
export interface RecordingSource {
  world: string;
  seed: number | null;
  ids: WorldIds;
}

interface Listed {
  id: string;
  createdAt: number;
}

/**
 * The conversations `ids` (all when none are given) as a recording. Built after the fact from the
 * channel's transcripts and transitions, so what no record keeps — a rejected offer, a presence
 * change, an admin change during the session — is not in it (`--record` sees those live).
 */
export async function recordConversations(
  source: RecordingSource,
  channelFetch: FetchLike,
  conversations: Listed[],
  name: string,
): Promise<string> {
  // Loaded on first use: the recorder brings the world generator (faker), the slowest import.
  const [{ createRecorder }, { createApiClient }] = await Promise.all([
    import('../scenarios/record/recorder'),
    import('../scenarios/world/http-client'),
  ]);
  const startedAt = Math.min(...conversations.map((c) => c.createdAt));
  const recorder = createRecorder({
    channel: createApiClient(
      (input, init) => channelFetch(String(input), init),
      'http://channel.local',
    ),
    world: source.world,
    ...(source.seed !== null ? { override: { faker: { seed: source.seed } } } : {}),
    ids: source.ids,
    startedAt,
    name,
    by: 'the console (download)',
  });
  await recorder.start();
  for (const c of conversations)
    recorder.onEvent({ type: 'conversation.opened', conversationId: c.id, at: c.createdAt });
  return recorder.toYaml();
}

export const download = (filename: string, type: string) => ({
  'content-type': type,
  'content-disposition': `attachment; filename="${filename}"`,
  'cache-control': 'no-store',
});
