// Time steps: move the shared virtual clock, run an auto-close sweep, dispatch offers.
import { z } from 'zod';
import { durationSchema } from '../../duration';
import type { RunContext } from '../context';

export const timeShape = {
  advance: durationSchema.describe(
    'Moves the clock both servers share; everything that falls due runs in time order.',
  ),
  sweep: z.literal(true).describe('Runs an auto-close sweep now (R-CV-3).'),
};

type Shape = { [K in keyof typeof timeShape]?: z.output<(typeof timeShape)[K]> };

export async function runTimeStep(step: Shape, ctx: RunContext): Promise<string | null> {
  if (step.advance !== undefined) {
    await ctx.clock.advance(step.advance);
    await ctx.settle();
    return `advance ${step.advance} ms`;
  }
  if (step.sweep) {
    const response = await ctx.channel.call('POST', '/api/auto-close/sweep');
    ctx.lastAction = { step: -1, label: 'sweep', response };
    await ctx.settle();
    return 'auto-close sweep';
  }
  return null;
}
