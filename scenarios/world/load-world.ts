// Finds a world by name in fixtures/worlds and applies a scenario's `override:` patch to it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadDataFile } from '../load-yaml';
import { type World, worldSchema } from './world-schema';

export const WORLDS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/worlds');

/** The world file for `nameOrPath` (`default` → fixtures/worlds/default.yaml). */
export function worldPath(nameOrPath: string): string {
  if (/[/\\]/.test(nameOrPath) || /\.(ya?ml|json)$/.test(nameOrPath)) return resolve(nameOrPath);
  for (const ext of ['yaml', 'yml', 'json']) {
    const file = join(WORLDS_DIR, `${nameOrPath}.${ext}`);
    if (existsSync(file)) return file;
  }
  throw new Error(`no world named "${nameOrPath}" in ${WORLDS_DIR}`);
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNamedList = (v: unknown): v is Plain[] =>
  Array.isArray(v) && v.every((item) => isPlain(item) && ('name' in item || 'phone' in item));
const keyOf = (item: Plain): unknown => item.name ?? item.phone;

/**
 * Merges `patch` into `base`: objects merge key by key; lists of named items (work streams,
 * contacts, agents, accounts, handsets) merge item by item by name, `remove: true` drops one;
 * any other value replaces.
 */
export function mergeWorld(base: unknown, patch: unknown): unknown {
  if (isPlain(base) && isPlain(patch)) {
    const out: Plain = { ...base };
    for (const [key, value] of Object.entries(patch)) out[key] = mergeWorld(base[key], value);
    return out;
  }
  if (isNamedList(base) && isNamedList(patch)) {
    const out = [...base];
    for (const item of patch) {
      const at = out.findIndex((existing) => keyOf(existing) === keyOf(item));
      const { remove, ...rest } = item;
      if (remove === true) {
        if (at >= 0) out.splice(at, 1);
      } else if (at >= 0) out[at] = mergeWorld(out[at], rest) as Plain;
      else out.push(rest);
    }
    return out;
  }
  return patch === undefined ? base : patch;
}

// Parsed once per file: every scenario of a run starts from the same few worlds.
const cache = new Map<string, { world: World; raw: unknown }>();
function read(file: string): { world: World; raw: unknown } {
  let entry = cache.get(file);
  if (!entry) {
    entry = {
      world: loadDataFile(file, worldSchema).value,
      raw: parseDocument(readText(file)).toJS(),
    };
    cache.set(file, entry);
  }
  return entry;
}

/** Loads a world by name or path, with an optional override patch, validated. */
export function loadWorld(nameOrPath: string, override?: unknown): World {
  const file = worldPath(nameOrPath);
  const { world, raw } = read(file);
  if (override === undefined) return structuredClone(world);
  // Patch the raw data, so defaults filled by the schema do not hide what the patch replaces.
  const merged = worldSchema.safeParse(mergeWorld(raw, override));
  if (!merged.success) {
    const lines = merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`world "${nameOrPath}" with its override is not valid:\n${lines.join('\n')}`);
  }
  return merged.data;
}

const readText = (file: string): string => readFileSync(file, 'utf8');
