// Routing rules as ordered data (R-RT-3, R-RT-5) and queues with the organisation's default queue (R-RT-4).
import { ChannelError } from '../domain/errors';
import type { Condition, RoutingRule } from '../domain/model';
import { isRoutingField, ROUTING_FIELDS } from '../domain/routing';
import { findQueue, findWorkStream, now, type ServiceContext } from './context';
import type { ChannelService, RoutingRuleInput } from './contract';

type RoutingUseCases = Pick<
  ChannelService,
  'listRoutingRules' | 'replaceRoutingRules' | 'listQueues' | 'createQueue' | 'deleteQueue'
>;

/** Why `field` cannot be routed on, naming it and the allowed fields (R-RT-3). */
export function refusal(field: string): string {
  const why =
    field === 'message.text'
      ? ' The message text is not a routing input (the SMS engagement context is not available to routing).'
      : '';
  return `A routing condition cannot test ${field}: it may test ${ROUTING_FIELDS.join(', ')}.${why}`;
}

function checkCondition(condition: Condition, path: string): void {
  if ('all' in condition) {
    condition.all.forEach((c, i) => {
      checkCondition(c, `${path}.all[${i}]`);
    });
    return;
  }
  if ('any' in condition) {
    condition.any.forEach((c, i) => {
      checkCondition(c, `${path}.any[${i}]`);
    });
    return;
  }
  if (!isRoutingField(condition.field))
    throw new ChannelError('ROUTING_FIELD_NOT_ALLOWED', {
      field: `${path}.field`,
      message: refusal(condition.field),
    });
  if (condition.op !== 'exists' && condition.value === undefined)
    throw new ChannelError('VALIDATION_FAILED', {
      field: `${path}.value`,
      message: `The ${condition.op} operator needs a value.`,
    });
}

export function routingUseCases(ctx: ServiceContext): RoutingUseCases {
  const config = ctx.state.config;
  return {
    listRoutingRules: (workStreamId) =>
      structuredClone(findWorkStream(ctx, workStreamId).routingRules),

    async replaceRoutingRules(workStreamId, inputs: RoutingRuleInput[]) {
      const workStream = findWorkStream(ctx, workStreamId);
      const rules: RoutingRule[] = inputs.map((input, index) => {
        const name = input.name.trim();
        if (name.length < 1 || name.length > 100)
          throw new ChannelError('VALIDATION_FAILED', {
            field: `rules[${index}].name`,
            message: 'A routing rule name has 1 to 100 characters.',
          });
        findQueue(ctx, input.queueId, `rules[${index}].queueId`);
        checkCondition(input.condition, `rules[${index}].condition`);
        return {
          id: input.id ?? ctx.ids.id('rule'),
          name,
          condition: structuredClone(input.condition),
          queueId: input.queueId,
        };
      });
      const ids = new Set(rules.map((r) => r.id));
      if (ids.size !== rules.length)
        throw new ChannelError('VALIDATION_FAILED', {
          field: 'rules',
          message: 'Routing rule ids must be unique.',
        });
      workStream.routingRules = rules;
      await ctx.store.saveConfig();
      ctx.emit({
        type: 'admin.changed',
        resource: `work-stream:${workStreamId}:routing-rules`,
        at: now(ctx),
      });
      return structuredClone(rules);
    },

    listQueues: () => structuredClone(config.queues),

    async createQueue(input) {
      const name = input.name.trim();
      if (name.length < 1 || name.length > 100)
        throw new ChannelError('VALIDATION_FAILED', {
          field: 'name',
          message: 'A queue name has 1 to 100 characters.',
        });
      const queue = { id: ctx.ids.id('q'), name, isDefault: false };
      config.queues.push(queue);
      await ctx.store.saveConfig();
      ctx.emit({ type: 'admin.changed', resource: `queue:${queue.id}`, at: now(ctx) });
      return { ...queue };
    },

    async deleteQueue(id) {
      const queue = findQueue(ctx, id);
      if (queue.isDefault) throw new ChannelError('DEFAULT_QUEUE_UNDELETABLE');
      const rule = config.workStreams.flatMap((w) => w.routingRules).find((r) => r.queueId === id);
      if (rule)
        throw new ChannelError('QUEUE_IN_USE', {
          message: `Queue ${queue.name} is used by routing rule ${rule.name}; change the rule first.`,
        });
      const conversation = [...ctx.live.values()].find((c) => c.queueId === id);
      if (conversation)
        throw new ChannelError('QUEUE_IN_USE', {
          message: `Queue ${queue.name} holds live conversation ${conversation.id}; transfer or close it first.`,
        });
      config.queues = config.queues.filter((q) => q.id !== id);
      for (const agent of config.agents) agent.queueIds = agent.queueIds.filter((q) => q !== id);
      await ctx.store.saveConfig();
      ctx.emit({ type: 'admin.changed', resource: `queue:${id}`, at: now(ctx) });
    },
  };
}
