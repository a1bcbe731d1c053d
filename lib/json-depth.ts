// How deeply a JSON text nests, found by scanning (no recursion, no parse), so a body nested
// thousands of levels deep is refused before a recursive parser or validator meets it.

/** True when `text` opens more than `limit` arrays or objects inside one another. */
export function jsonDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92)
        i++; // backslash: skip the escaped character
      else if (ch === 34) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 91 || ch === 123) {
      depth++;
      if (depth > limit) return true;
    } else if (ch === 93 || ch === 125) depth--;
  }
  return false;
}
