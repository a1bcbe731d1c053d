// One conformance test per scenario file, as data: its title (area, name, rule ids and tags) and
// either the loaded scenario or why it does not load. A file that does not load keeps the area,
// name and tags that can still be read from it, so every `-t` filter that would have selected the
// file selects its load error, and the run fails.
import { readFileSync } from 'node:fs';
import { basename, relative } from 'node:path';
import { parseDocument } from 'yaml';
import { type LoadedScenario, loadScenario, rulesOf } from './load-scenario';

export type SuiteEntry =
  | { title: string; loaded: LoadedScenario; knownFailure: string | undefined }
  | { title: string; error: unknown };

/** The area a scenario file is reported under: its first folder below `root` (else `fallback`). */
export function areaOf(file: string, root: string, fallback: string): string {
  const parts = relative(root, file).split(/[\\/]/);
  return parts.length > 1 && parts[0] && parts[0] !== '..' ? parts[0] : fallback;
}

const titleOf = (area: string, name: string, rules: string[], tags: string[]) =>
  `${area}: ${name} [${[...new Set([...rules, ...tags.filter((t) => !/^R-/.test(t))])].join(' ')}]`;

/** The test for `file`: `<area>: <name> [<rule ids and tags>]`, or its load error under the same title. */
export function suiteEntry(file: string, root: string, fallbackArea: string): SuiteEntry {
  const area = areaOf(file, root, fallbackArea);
  try {
    const loaded = loadScenario(file);
    const scenario = loaded.value;
    const title = titleOf(area, scenario.name, rulesOf(scenario), scenario.tags);
    const knownFailure = scenario['known-failure'];
    return {
      title: knownFailure ? `${title} (known failure: ${knownFailure})` : title,
      loaded,
      knownFailure,
    };
  } catch (error) {
    const seen = readableParts(file);
    const near = relative(process.cwd(), file);
    const shown = near && !near.startsWith('..') ? near : file;
    return {
      title: `${titleOf(area, seen.name, seen.rules, seen.tags)} (does not load: ${shown})`,
      error,
    };
  }
}

/** Name, tags and rule ids of a file that does not load, read as far as its text allows. */
function readableParts(file: string): { name: string; tags: string[]; rules: string[] } {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { name: basename(file), tags: [], rules: [] };
  }
  let data: Record<string, unknown> = {};
  try {
    const parsed: unknown = parseDocument(text).toJS();
    if (parsed && typeof parsed === 'object') data = parsed as Record<string, unknown>;
  } catch {
    // Unreadable YAML: the rule ids found in the text below are all there is.
  }
  const tags = Array.isArray(data.tags)
    ? data.tags.filter((t): t is string => typeof t === 'string')
    : [];
  // Every id-like token, even a misspelled one: a filter on it must still meet the error.
  const rules = [...new Set(text.match(/\bR-[A-Za-z]+-?\d+\b/g) ?? [])];
  const name = typeof data.name === 'string' && data.name ? data.name : basename(file);
  return { name, tags, rules };
}
