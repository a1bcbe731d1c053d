// Finds a world by name in fixtures/worlds and applies a scenario's `override:` patch to it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { loadDataFile } from '../load-yaml';
import { teachingErrors } from '../teach-errors';
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
/** Handsets are known by their phone; everything else by name. */
const keyOf = (item: Plain): unknown => item.phone ?? item.name;

const ITEM_NAMES: Record<string, string> = {
  accounts: 'TeleSign account',
  handsets: 'handset',
  workStreams: 'work stream',
  contacts: 'contact',
  agents: 'agent',
  rules: 'routing rule',
};

/** An override that names an item the world does not have (or adds one it has): `path` is in the patch. */
export class OverrideError extends Error {
  readonly path: ReadonlyArray<string | number>;
  constructor(path: ReadonlyArray<string | number>, message: string) {
    super(message);
    this.name = 'OverrideError';
    this.path = path;
  }
}

/**
 * Merges `patch` into `base`: objects merge key by key; lists of named items (work streams,
 * contacts, agents, accounts, handsets, routing rules) merge item by item by name: an item must
 * name one the world has (`remove: true` drops it), or say `add: true` to add a new one, so a
 * misspelled name cannot silently add an item. Any other value replaces.
 */
export function mergeWorld(
  base: unknown,
  patch: unknown,
  path: ReadonlyArray<string | number> = [],
): unknown {
  if (isPlain(base) && isPlain(patch)) {
    const out: Plain = { ...base };
    for (const [key, value] of Object.entries(patch))
      out[key] = mergeWorld(base[key], value, [...path, key]);
    return out;
  }
  const list = String(path.at(-1) ?? '');
  if ((isNamedList(base) || (base === undefined && list in ITEM_NAMES)) && isNamedList(patch)) {
    const out = [...(base ?? [])];
    const what = ITEM_NAMES[list] ?? 'item';
    for (const [index, item] of patch.entries()) {
      const at = out.findIndex((existing) => keyOf(existing) === keyOf(item));
      const { remove, add, ...rest } = item;
      const where = [...path, index];
      const name = JSON.stringify(keyOf(item));
      const known = () =>
        `known: ${out.map((existing) => String(keyOf(existing))).join(', ') || 'none'}`;
      if (remove === true && add === true)
        throw new OverrideError(where, `${what} ${name}: say add: true or remove: true, not both`);
      if (at < 0 && remove === true)
        throw new OverrideError(where, `no ${what} ${name} to remove in the world (${known()})`);
      if (at < 0 && add !== true)
        throw new OverrideError(
          where,
          `no ${what} ${name} in the world to change (${known()}); to add a new one, write add: true`,
        );
      if (at >= 0 && add === true)
        throw new OverrideError(
          where,
          `${what} ${name} is already in the world: drop add: true to change it, or pick a new name`,
        );
      if (remove === true) out.splice(at, 1);
      else if (at >= 0) out[at] = mergeWorld(out[at], rest, where) as Plain;
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
  const merged = worldSchema.safeParse(mergeWorld(raw, override), { error: teachingErrors });
  if (!merged.success) {
    const lines = merged.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`world "${nameOrPath}" with its override is not valid:\n${lines.join('\n')}`);
  }
  return merged.data;
}

const readText = (file: string): string => readFileSync(file, 'utf8');
