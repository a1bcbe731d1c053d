// Accounts: a record type of their own whose main phone identifies the customer like a contact's
// mobile phone (R-RT-1 as amended), administered like contacts.
import { ChannelError } from '../domain/errors';
import type { Account } from '../domain/model';
import { toE164 } from '../domain/sms-number';
import { findAccount, now, type ServiceContext } from './context';
import type { AccountInput, ChannelService } from './contract';

type AccountUseCases = Pick<
  ChannelService,
  'listAccounts' | 'getAccount' | 'createAccount' | 'updateAccount' | 'deleteAccount'
>;

function checkAccount(input: Partial<AccountInput>): void {
  if (input.name !== undefined && (input.name.trim().length < 1 || input.name.length > 160))
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'name',
      message: 'An account name has 1 to 160 characters.',
    });
  if (input.mainPhone !== undefined && input.mainPhone !== '' && toE164(input.mainPhone) === null)
    throw new ChannelError('VALIDATION_FAILED', {
      field: 'mainPhone',
      message: `Main phone ${input.mainPhone} is not a phone number; write it as +<country code><number>.`,
    });
}

export function accountUseCases(ctx: ServiceContext): AccountUseCases {
  const config = ctx.state.config;
  const changed = async (id: string): Promise<void> => {
    ctx.accountsByPhone.invalidate();
    await ctx.store.saveConfig();
    ctx.emit({ type: 'admin.changed', resource: `account:${id}`, at: now(ctx) });
  };
  return {
    listAccounts: () => structuredClone(config.accounts),
    getAccount: (id) => structuredClone(findAccount(ctx, id)),
    async createAccount(input) {
      checkAccount(input);
      const account: Account = {
        id: ctx.ids.id('acc'),
        name: input.name.trim(),
        ...(input.mainPhone ? { mainPhone: input.mainPhone } : {}),
        status: input.status ?? 'active',
        fields: { ...(input.fields ?? {}) },
      };
      config.accounts.push(account);
      await changed(account.id);
      return structuredClone(account);
    },
    async updateAccount(id, input) {
      const account = findAccount(ctx, id);
      checkAccount(input);
      if (input.name !== undefined) account.name = input.name.trim();
      if (input.mainPhone !== undefined) {
        if (input.mainPhone === '') delete account.mainPhone;
        else account.mainPhone = input.mainPhone;
      }
      if (input.status !== undefined) account.status = input.status;
      if (input.fields !== undefined) account.fields = { ...input.fields };
      await changed(id);
      return structuredClone(account);
    },
    async deleteAccount(id) {
      findAccount(ctx, id);
      config.accounts = config.accounts.filter((a) => a.id !== id);
      await changed(id);
    },
  };
}
