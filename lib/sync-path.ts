// Waits until a file, or a folder's list of names, is on the disk (fsync): what `--fsync` promises.
import { open } from 'node:fs/promises';

/** Syncs `path` (a file's content, or a folder's entries after a create or a rename). */
export async function syncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
