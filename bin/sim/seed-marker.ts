// The data folder's memory of its first start: seeded once, then kept (credentials, support number, handsets).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

const table = z.record(z.string(), z.string());

/** The ids `applyWorld` created, by world name: what `--record` needs to write names, not ids. */
export const worldIdsSchema = z.strictObject({
  organisation: z.strictObject({ id: z.string(), inboundUrl: z.string() }),
  accounts: z.record(z.string(), z.strictObject({ customerId: z.string(), apiKey: z.string() })),
  workStreams: table,
  numbers: table,
  queues: table,
  contacts: table,
  /** Since rulebook revision 2 (R-RT-1); a marker written before it has none. */
  customerAccounts: table.default({}),
  agents: table,
  phones: table,
});

export const markerSchema = z.strictObject({
  version: z.literal(1),
  seededAt: z.string(),
  world: z.string(),
  seed: z.number().int().nullable(),
  customerId: z.string(),
  apiKey: z.string(),
  supportNumber: z.string().nullable(),
  handsets: z.array(z.strictObject({ phone: z.string(), name: z.string().optional() })),
  ids: worldIdsSchema,
});
export type SeedMarker = z.infer<typeof markerSchema>;

export const MARKER_FILE = 'sim.json';

/** The marker of an earlier start, null on a first start; a damaged marker is an error that names the file. */
export async function readMarker(folder: string): Promise<SeedMarker | null> {
  const path = join(folder, MARKER_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON; delete the data folder to start afresh`);
  }
  const parsed = markerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}; delete the data folder to start afresh`,
    );
  }
  return parsed.data;
}

export async function writeMarker(folder: string, marker: SeedMarker): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
}
