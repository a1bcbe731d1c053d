// zod schemas shared by several resources: path ids, presences, the agent acting.
import { z } from 'zod';
import { PRESENCES } from '../domain/model';

export const idParams = z.object({ id: z.string().min(1) });
export const presence = z.enum(PRESENCES);
export const agentBody = z.strictObject({ agentId: z.string().min(1, 'name the agent acting') });
