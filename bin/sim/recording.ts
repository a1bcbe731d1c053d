// The session's recording, always on: every channel event and every state-changing request either
// server answered reach the scenario recorder as they happen, so the console's downloads are the
// session itself (rejected offers, presence and admin changes included), and `--record <file>`
// writes the same recording when the process stops.
import { writeFile } from 'node:fs/promises';
import type { ChannelService } from '../../channel/service/contract';
import type { Clock } from '../../lib/clock';
import type { ObservedRequest } from '../../scenarios/record/request-steps';
import type { FetchLike } from '../../scenarios/world/http-client';
import type { SimFlags } from './flags';
import type { SeedMarker } from './seed-marker';

export interface SessionRecording {
  /** A state-changing request either server answered (admin changes, policies, faults, clock). */
  onRequest(request: ObservedRequest): void;
  /**
   * The session so far as a recording `npm run replay` accepts; with `conversationId`, that
   * conversation and every world change. Null when the conversation was not opened in this session.
   */
  yaml(conversationId?: string): Promise<string | null>;
  /** Stops listening; with `--record <file>`, writes the recording there. */
  finish(): Promise<void>;
}

export async function startRecording(
  flags: SimFlags,
  marker: SeedMarker,
  channelFetch: FetchLike,
  clock: Clock,
  service: Pick<ChannelService, 'subscribe'>,
  restarted: boolean,
): Promise<SessionRecording> {
  const [{ createRecorder }, { createApiClient }] = await Promise.all([
    import('../../scenarios/record/recorder'),
    import('../../scenarios/world/http-client'),
  ]);
  const startedAt = clock.now();
  const recorder = createRecorder({
    channel: createApiClient(channelFetch, 'http://channel.local'),
    world: marker.world,
    // The people faker generated depend on the seed: a replay must generate the same ones.
    ...(marker.seed !== null ? { override: { faker: { seed: marker.seed } } } : {}),
    ids: marker.ids,
    startedAt,
    name: `npm run sim session ${new Date(startedAt).toISOString()}`,
    by: flags.record ? 'npm run sim --record' : 'npm run sim (the console’s download)',
    // A restart on kept data starts from the world as it was left, not from the world file.
    ...(restarted && {
      caveats: [
        `this run started on data kept since ${marker.seededAt} (${flags.dataDir ?? 'a data folder'}); what happened before ${new Date(startedAt).toISOString()} is not in the recording`,
      ],
    }),
  });
  await recorder.start();
  const unsubscribe = service.subscribe((event) => recorder.onEvent(event));
  return {
    onRequest: (request) => recorder.onRequest(request),
    yaml: (conversationId) =>
      recorder.scopedYaml(clock.now(), {
        ...(conversationId !== undefined && {
          conversationId,
          name: `conversation ${conversationId} from npm run sim`,
        }),
      }),
    async finish() {
      unsubscribe();
      if (flags.record) await writeFile(flags.record, await recorder.toYaml(clock.now()));
    },
  };
}
