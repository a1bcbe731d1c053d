// Runs every benchmark suite in bench/suites (each exports `name` and `run()`), one after another.
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

interface Suite {
  name: string;
  run(): Promise<void>;
}

const dir = fileURLToPath(new URL('./suites/', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(dir))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
  .sort();

for (const file of files) {
  const suite = (await import(new URL(`./suites/${file}`, import.meta.url).href)) as Partial<Suite>;
  if (typeof suite.run !== 'function' || typeof suite.name !== 'string') continue;
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.log(`\n=== ${suite.name} ===`);
  await suite.run();
}
process.exit(0);
