// Generated texts, so a scenario can say "1601 × a" or "1600 emoji" without pasting them.
import { z } from 'zod';

export type TextSpec = string | { repeat: string; times: number } | { concat: TextSpec[] };

export const textSpecSchema: z.ZodType<TextSpec> = z.lazy(() =>
  z.union([
    z.string(),
    z.strictObject({ repeat: z.string().min(1), times: z.number().int().min(0).max(100_000) }),
    z.strictObject({ concat: z.array(textSpecSchema).min(1) }),
  ]),
);

/** The text a spec stands for. */
export function renderText(spec: TextSpec): string {
  if (typeof spec === 'string') return spec;
  if ('repeat' in spec) return spec.repeat.repeat(spec.times);
  return spec.concat.map(renderText).join('');
}

/** A short, readable label for reports ("1601 × a"). */
export function describeText(spec: TextSpec): string {
  if (typeof spec === 'string') return spec.length > 40 ? `${spec.slice(0, 37)}…` : spec;
  if ('repeat' in spec) return `${spec.times} × ${spec.repeat}`;
  return spec.concat.map(describeText).join(' + ');
}
