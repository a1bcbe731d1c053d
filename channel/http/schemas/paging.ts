// The answer of every paged list: `{ items, next }`, newest first; `next` is the cursor of the next page.
import { z } from 'zod';

export const pageOf = <S extends z.ZodType>(item: S) =>
  z.strictObject({
    items: z.array(item),
    next: z
      .string()
      .nullable()
      .describe('Pass as `cursor` to get the next (older) page; null on the last page.'),
  });
