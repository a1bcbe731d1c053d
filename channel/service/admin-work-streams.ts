// Administration of work streams, their SMS settings, numbers and API key validation (R-WS, R-NUM).
import { ChannelError } from '../domain/errors';
import { charCount } from '../domain/message-rules';
import { DEFAULTS, type WorkStream } from '../domain/model';
import { checkSmsNumber } from '../domain/number-type';
import { sameNumber } from '../domain/sms-number';
import { checkWorkStreamFields } from '../domain/work-stream-rules';
import { findWorkStream, now, type ServiceContext } from './context';
import type {
  AddNumberInput,
  ChannelService,
  CreateWorkStreamInput,
  UpdateWorkStreamInput,
} from './contract';
import { checkingValidation, validationView } from './validation-loopback';
import { workStreamView } from './views';

type WorkStreamUseCases = Pick<
  ChannelService,
  | 'listWorkStreams'
  | 'getWorkStream'
  | 'createWorkStream'
  | 'updateWorkStream'
  | 'deleteWorkStream'
  | 'saveSmsSettings'
  | 'validateApiKey'
  | 'addNumber'
  | 'removeNumber'
  | 'checkNumberFormat'
>;

async function changed(ctx: ServiceContext, resource: string): Promise<void> {
  await ctx.store.saveConfig();
  ctx.emit({ type: 'admin.changed', resource, at: now(ctx) });
}

export function workStreamUseCases(ctx: ServiceContext): WorkStreamUseCases {
  const config = ctx.state.config;
  return {
    listWorkStreams: () => config.workStreams.map((w) => workStreamView(ctx, w)),
    getWorkStream: (id) => workStreamView(ctx, findWorkStream(ctx, id)),

    async createWorkStream(input: CreateWorkStreamInput) {
      checkWorkStreamFields(input);
      if (input.mode !== 'push' && input.mode !== 'pick')
        throw new ChannelError('VALIDATION_FAILED', {
          field: 'mode',
          message: 'The work distribution mode is push or pick.',
        });
      const workStream: WorkStream = {
        id: ctx.ids.id('ws'),
        name: input.name.trim(),
        channel: 'sms',
        mode: input.mode,
        capacityUnits: input.capacityUnits ?? DEFAULTS.capacityUnits,
        allowedPresences: [...(input.allowedPresences ?? DEFAULTS.allowedPresences)],
        autoCloseAfterInactivityMs:
          input.autoCloseAfterInactivityMs ?? DEFAULTS.autoCloseAfterInactivityMs,
        offerTimeoutMs: input.offerTimeoutMs ?? DEFAULTS.offerTimeoutMs,
        sms: {},
        routingRules: [],
        createdAt: now(ctx),
      };
      config.workStreams.push(workStream);
      await changed(ctx, `work-stream:${workStream.id}`);
      return workStreamView(ctx, workStream);
    },

    async updateWorkStream(id: string, input: UpdateWorkStreamInput) {
      const workStream = findWorkStream(ctx, id);
      if (input.mode !== undefined && input.mode !== workStream.mode)
        throw new ChannelError('WORK_STREAM_MODE_FIXED', {
          field: 'mode',
          message: `The work distribution mode cannot change once the work stream exists; it stays ${workStream.mode}.`,
        });
      checkWorkStreamFields(input);
      if (input.name !== undefined) workStream.name = input.name.trim();
      if (input.capacityUnits !== undefined) workStream.capacityUnits = input.capacityUnits;
      if (input.allowedPresences !== undefined)
        workStream.allowedPresences = [...input.allowedPresences];
      if (input.autoCloseAfterInactivityMs !== undefined) {
        workStream.autoCloseAfterInactivityMs = input.autoCloseAfterInactivityMs;
        ctx.sweeps.replan();
      }
      if (input.offerTimeoutMs !== undefined) workStream.offerTimeoutMs = input.offerTimeoutMs;
      await changed(ctx, `work-stream:${id}`);
      await ctx.dispatchAll();
      return workStreamView(ctx, workStream);
    },

    async deleteWorkStream(id) {
      const workStream = findWorkStream(ctx, id);
      // Its live conversations hold agents' capacity and need its settings to reply (R-AG-5, R-CV-5).
      const live = [...ctx.live.values()].find((c) => c.workStreamId === id);
      if (live)
        throw new ChannelError('WORK_STREAM_IN_USE', {
          message: `Work stream ${workStream.name} has live conversation ${live.id}; close its conversations first.`,
        });
      config.workStreams = config.workStreams.filter((w) => w.id !== id);
      await changed(ctx, `work-stream:${id}`);
    },

    async saveSmsSettings(id, input) {
      const workStream = findWorkStream(ctx, id);
      const customerId = input.customerId.trim();
      if (customerId === '')
        throw new ChannelError('VALIDATION_FAILED', {
          field: 'customerId',
          message: 'The TeleSign customer ID cannot be empty.',
        });
      if (input.apiKey !== undefined && input.apiKey.trim() === '')
        throw new ChannelError('VALIDATION_FAILED', {
          field: 'apiKey',
          message: 'The TeleSign API key cannot be empty; omit it to keep the saved one.',
        });
      const apiKey = input.apiKey?.trim() ?? workStream.sms.apiKey;
      const credentialsChanged =
        customerId !== workStream.sms.customerId || apiKey !== workStream.sms.apiKey;
      workStream.sms = {
        customerId,
        ...(apiKey !== undefined ? { apiKey } : {}),
        // An outcome says nothing about credentials it did not check.
        ...(!credentialsChanged && workStream.sms.validation
          ? { validation: workStream.sms.validation }
          : {}),
      };
      await changed(ctx, `work-stream:${id}:sms-settings`);
      return workStreamView(ctx, workStream);
    },

    async validateApiKey(id) {
      const workStream = findWorkStream(ctx, id);
      const { customerId, apiKey } = workStream.sms;
      if (!customerId || !apiKey) {
        const missing = [!customerId && 'customerId', !apiKey && 'apiKey']
          .filter(Boolean)
          .join(' and ');
        throw new ChannelError('SMS_SETTINGS_INCOMPLETE', {
          field: customerId ? 'apiKey' : 'customerId',
          message: `Save the TeleSign ${missing} before validating the API key.`,
        });
      }
      // With a number, TeleSign is asked to send a test SMS from and to it (R-WS-5, R-NUM-5).
      const number = workStream.number
        ? { number: workStream.number.number, workStreamName: workStream.name }
        : undefined;
      const probe = await ctx.gateway
        .probeCredentials({ customerId, apiKey }, number)
        .catch((error: unknown) => ({
          outcome: 'telesign-unreachable' as const,
          detail: `TeleSign could not be reached: ${error instanceof Error ? error.message : String(error)}`,
        }));
      workStream.sms.validation =
        probe.outcome === 'checking' && number
          ? checkingValidation(ctx, number.number, probe.detail)
          : { outcome: probe.outcome, detail: probe.detail, checkedAt: now(ctx) };
      await changed(ctx, `work-stream:${id}:validation`);
      const shown = validationView(workStream.sms.validation, number?.number, now(ctx));
      if (!shown) throw new Error('validation was just recorded');
      return shown;
    },

    async addNumber(workStreamId, input: AddNumberInput) {
      const workStream = findWorkStream(ctx, workStreamId);
      // The type before the format (R-NUM-2): a short code never gets a country format message.
      const check = checkSmsNumber(input.number, input.type);
      if (!check.ok)
        throw check.problem === 'type'
          ? new ChannelError('NUMBER_TYPE_NOT_SUPPORTED', { field: 'type', message: check.message })
          : new ChannelError('NUMBER_FORMAT_INVALID', { field: 'number', message: check.message });
      const type = check.type;
      if (input.description !== undefined && charCount(input.description) > 200)
        throw new ChannelError('NUMBER_DESCRIPTION_TOO_LONG', {
          field: 'description',
          message: `A number description has at most 200 characters; this one has ${charCount(input.description)}.`,
        });
      if (workStream.number)
        throw new ChannelError('WORK_STREAM_HAS_NUMBER', {
          field: 'number',
          message: `Work stream ${workStream.name} already has number ${workStream.number.number}; remove it before adding another.`,
        });
      const owner = config.workStreams.find((w) => sameNumber(w.number?.number, input.number));
      if (owner)
        throw new ChannelError('NUMBER_IN_USE', {
          field: 'number',
          message: `Number ${input.number} already belongs to work stream ${owner.name}.`,
        });
      workStream.number = {
        number: input.number,
        type,
        ...(input.description !== undefined ? { description: input.description } : {}),
        addedAt: now(ctx),
      };
      await changed(ctx, `work-stream:${workStreamId}:number`);
      return workStreamView(ctx, workStream);
    },

    async removeNumber(workStreamId, number) {
      const workStream = findWorkStream(ctx, workStreamId);
      if (!workStream.number || workStream.number.number !== number)
        throw new ChannelError('NOT_FOUND', {
          field: 'number',
          message: `Work stream ${workStream.name} has no number ${number}.`,
        });
      delete workStream.number;
      await changed(ctx, `work-stream:${workStreamId}:number`);
      return workStreamView(ctx, workStream);
    },

    checkNumberFormat(number) {
      const check = checkSmsNumber(number);
      return check.ok
        ? { ok: true, e164: check.e164, country: check.country }
        : { ok: false, message: check.message };
    },
  };
}
