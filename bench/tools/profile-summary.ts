// Sums a V8 CPU profile's self time by function and by file, and the time spent under the frames
// of files matching a pattern (by the outermost such frame on the stack):
// `tsx bench/tools/profile-summary.ts <file.cpuprofile> [top] [url-regex]` — what a bench row's
// extra CPU per message was spent on (e.g. `console/` for the console's own work).
import { readFile } from 'node:fs/promises';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg, under] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary <file.cpuprofile> [top]');
const top = Number(topArg ?? 30);
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
const shortUrl = (url: string) =>
  url.replace(/^file:\/\/.*?\/(node_modules|console|channel|simulator|lib|scenarios|bin)\//, '$1/');
const sum = (key: (n: Node) => string) => {
  const totals = new Map<string, number>();
  for (const [id, us] of self) {
    const node = byId.get(id);
    if (node) totals.set(key(node), (totals.get(key(node)) ?? 0) + us);
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
};
const print = (title: string, rows: Array<[string, number]>) => {
  console.log(`\n${title}`);
  for (const [name, us] of rows)
    console.log(
      `${((us / total) * 100).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(7)} ms  ${name}`,
    );
};
console.log(`${(total / 1000).toFixed(0)} ms sampled`);
print(
  'by file',
  sum((n) => shortUrl(n.callFrame.url) || `(${n.callFrame.functionName})`),
);
print(
  'by function',
  sum(
    (n) =>
      `${n.callFrame.functionName || '(anonymous)'} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`,
  ),
);

if (under) {
  const pattern = new RegExp(under);
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const outer = new Map<number, Node | null>();
  const outermost = (id: number): Node | null => {
    if (outer.has(id)) return outer.get(id) ?? null;
    const node = byId.get(id);
    const up = parent.get(id);
    const above = up === undefined ? null : outermost(up);
    const found = above ?? (node && pattern.test(node.callFrame.url) ? node : null);
    outer.set(id, found);
    return found;
  };
  const totals = new Map<string, number>();
  const leaves = new Map<string, number>();
  let all = 0;
  for (const [id, us] of self) {
    const node = outermost(id);
    if (!node) continue;
    all += us;
    const key = `${node.callFrame.functionName || '(anonymous)'} ${shortUrl(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
    totals.set(key, (totals.get(key) ?? 0) + us);
    const leaf = byId.get(id);
    const where = leaf ? shortUrl(leaf.callFrame.url) || `(${leaf.callFrame.functionName})` : '?';
    leaves.set(where, (leaves.get(where) ?? 0) + us);
  }
  print(
    `under ${under}: ${(all / 1000).toFixed(0)} ms (${((all / total) * 100).toFixed(1)}%), by outermost frame`,
    [...totals].sort((a, b) => b[1] - a[1]).slice(0, top),
  );
  print(
    `under ${under}, by the file it ran in`,
    [...leaves].sort((a, b) => b[1] - a[1]).slice(0, top),
  );
}
