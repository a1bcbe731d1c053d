// The data folder holds API keys: only its owner may read it. Created 0700, its files 0600; a
// folder kept from an earlier run (made 0755/0644 by an older version) is tightened at start.
import { chmod, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export const FOLDER_MODE = 0o700;
export const FILE_MODE = 0o600;

/** New files and folders of this process: 0600 and 0700 whatever writes them (lowdb, journals). */
export function privateUmask(): void {
  process.umask(0o077);
}

/** Creates `folder` (and `sub`) 0700 if missing, and takes group and world access off what is in it. */
export async function securePrivateFolder(
  folder: string,
  sub: readonly string[] = [],
): Promise<void> {
  for (const name of sub) await mkdir(join(folder, name), { recursive: true, mode: FOLDER_MODE });
  await mkdir(folder, { recursive: true, mode: FOLDER_MODE });
  await tighten(folder);
}

async function tighten(folder: string): Promise<void> {
  await chmod(folder, FOLDER_MODE);
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) await tighten(path);
    else if (entry.isFile()) await chmod(path, FILE_MODE);
  }
}
