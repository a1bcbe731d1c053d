// `--record <file>`: feeds the channel's events to the scenario recorder and writes the YAML on stop.
import { writeFile } from 'node:fs/promises';
import type { ChannelService } from '../../channel/service/contract';
import type { Clock } from '../../lib/clock';
import type { ObservedRequest } from '../../scenarios/record/request-steps';
import type { FetchLike } from '../../scenarios/world/http-client';
import type { SimFlags } from './flags';
import type { SeedMarker } from './seed-marker';

export interface Recording {
  /** A state-changing request either server answered (admin changes, policies, faults, clock). */
  onRequest(request: ObservedRequest): void;
  finish(): Promise<void>;
}

export async function startRecording(
  flags: SimFlags,
  marker: SeedMarker,
  channelFetch: FetchLike,
  clock: Clock,
  service: Pick<ChannelService, 'subscribe'>,
): Promise<Recording> {
  const file = flags.record;
  if (!file) throw new Error('startRecording needs --record <file>');
  const [{ createRecorder }, { createApiClient }] = await Promise.all([
    import('../../scenarios/record/recorder'),
    import('../../scenarios/world/http-client'),
  ]);
  const recorder = createRecorder({
    channel: createApiClient(channelFetch, 'http://channel.local'),
    world: marker.world,
    // The people faker generated depend on the seed: a replay must generate the same ones.
    ...(marker.seed !== null ? { override: { faker: { seed: marker.seed } } } : {}),
    ids: marker.ids,
    startedAt: clock.now(),
    name: `npm run sim session ${new Date(clock.now()).toISOString()}`,
    by: 'npm run sim --record',
  });
  await recorder.start();
  const unsubscribe = service.subscribe((event) => recorder.onEvent(event));
  return {
    onRequest: (request) => recorder.onRequest(request),
    async finish() {
      unsubscribe();
      await writeFile(file, await recorder.toYaml(clock.now()));
    },
  };
}
