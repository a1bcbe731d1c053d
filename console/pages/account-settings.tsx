// The TeleSign page's account settings: per account, what `PUT /_sim/accounts/{cid}/settings` holds,
// and what it causes. Three forms, so that saving one never writes another's stale value: the
// wallet (sends lower the balance), the hard cap (setting it restarts its count), and the rest.
import type { Child } from 'hono/jsx';
import { Empty, ErrorBox, Panel } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleAccountSettings } from '../settings-schemas';
import { money, settingsEffects } from './settings-effects';

function Field(props: { label: string; for: string; hint?: string; children: Child }) {
  return (
    <label class="setting" for={props.for}>
      <span class="setting-label">{props.label}</span>
      {props.children}
      {props.hint ? <small class="muted">{props.hint}</small> : null}
    </label>
  );
}

function SettingsForm(props: { cid: string; testid: string; submit: string; children: Child }) {
  return (
    <form
      class="settings-form"
      data-api={`PUT /_sim/accounts/${props.cid}/settings`}
      data-target="telesign"
      data-testid={props.testid}
      data-customer-id={props.cid}
    >
      {props.children}
      <div class="actions">
        <button class="btn primary" type="submit" data-testid={`${props.testid}-save`}>
          {props.submit}
        </button>
        <output class="form-error" data-role="error" data-testid={`${props.testid}-error`} />
      </div>
    </form>
  );
}

function AccountSettings(props: { cid: string; settings: ConsoleAccountSettings }) {
  const { cid, settings: s } = props;
  const id = (name: string) => `settings-${cid}-${name}`;
  return (
    <Panel title={`Account ${cid}`} testid="account-settings">
      <ul class="effects" data-testid="settings-effects" data-customer-id={cid}>
        {settingsEffects(s).map((effect) => (
          <li class={effect.blocks ? 'warn' : ''} data-effect={effect.key}>
            {effect.text}
          </li>
        ))}
      </ul>
      <div class="settings-forms">
        <SettingsForm cid={cid} testid="settings-wallet" submit="Set wallet">
          <Field
            for={id('balance')}
            label="Prepaid balance"
            hint="Blank: invoiced, no wallet. Each segment is charged."
          >
            <input
              name="prepaid_balance"
              id={id('balance')}
              inputmode="decimal"
              value={s.prepaid_balance === null ? '' : money(s.prepaid_balance)}
              data-type="number-or-null"
              data-testid="settings-balance"
            />
          </Field>
          <Field for={id('price')} label="Price per segment">
            <input
              name="price_per_segment"
              id={id('price')}
              inputmode="decimal"
              value={String(s.price_per_segment)}
              data-type="number-or-null"
              data-testid="settings-price"
            />
          </Field>
          <Field for={id('currency')} label="Currency">
            <input
              name="currency"
              id={id('currency')}
              value={s.currency}
              class="narrow"
              data-testid="settings-currency"
            />
          </Field>
        </SettingsForm>
        <SettingsForm cid={cid} testid="settings-cap" submit="Set cap">
          <Field
            for={id('cap')}
            label="Transaction hard cap"
            hint={`Blank: no cap. Setting it restarts the count (now ${s.sent_since_cap}).`}
          >
            <input
              name="hard_cap"
              id={id('cap')}
              inputmode="numeric"
              value={s.hard_cap === null ? '' : String(s.hard_cap)}
              data-type="number-or-null"
              data-testid="settings-cap-input"
            />
          </Field>
        </SettingsForm>
        <SettingsForm cid={cid} testid="settings-account" submit="Save settings">
          <Field
            for={id('trial')}
            label="Trial account"
            hint="Sends only to its verified numbers (else 400/10033)."
          >
            <input
              type="checkbox"
              name="trial"
              id={id('trial')}
              checked={s.trial}
              data-type="boolean"
              data-testid="settings-trial"
            />
          </Field>
          <Field
            for={id('verified')}
            label="Verified numbers"
            hint="Digits with country code, one a line."
          >
            <textarea
              name="verified_numbers"
              id={id('verified')}
              rows={2}
              data-type="list"
              data-testid="settings-verified"
            >
              {s.verified_numbers.join('\n')}
            </textarea>
          </Field>
          <Field
            for={id('senders')}
            label="Allow-listed sender ids"
            hint="One a line; used as given when sent."
          >
            <textarea
              name="sender_ids"
              id={id('senders')}
              rows={2}
              data-type="list"
              data-testid="settings-sender-ids"
            >
              {s.sender_ids.join('\n')}
            </textarea>
          </Field>
          <Field for={id('info')} label="additional_info on delivery reports">
            <input
              type="checkbox"
              name="additional_info"
              id={id('info')}
              checked={s.additional_info}
              data-type="boolean"
              data-testid="settings-additional-info"
            />
          </Field>
          <Field for={id('opt-out')} label="Managed opt-out (STOP / START / HELP)">
            <input
              type="checkbox"
              name="opt_out.enabled"
              id={id('opt-out')}
              checked={s.opt_out.enabled}
              data-type="boolean"
              data-testid="settings-opt-out"
            />
          </Field>
          {(
            [
              ['stop_reply', 'Reply to STOP', s.opt_out.stop_reply],
              ['start_reply', 'Reply to START', s.opt_out.start_reply],
              ['help_reply', 'Reply to HELP', s.opt_out.help_reply],
            ] as const
          ).map(([name, label, value]) => (
            <Field for={id(name)} label={label}>
              <textarea
                name={`opt_out.${name}`}
                id={id(name)}
                rows={2}
                data-testid={`settings-${name.replace('_', '-')}`}
              >
                {value}
              </textarea>
            </Field>
          ))}
        </SettingsForm>
      </div>
    </Panel>
  );
}

/** Every account's settings at the fake TeleSign; a live region of its own. */
export async function renderAccountSettings(data: ConsoleData) {
  try {
    const accounts = await data.telesignAccounts();
    const all = await Promise.all(
      accounts.map(async (a) => ({
        cid: a.customer_id,
        settings: await data.accountSettings(a.customer_id),
      })),
    );
    if (all.length === 0) return <Empty testid="no-accounts">No TeleSign accounts yet.</Empty>;
    return (
      <div class="stack">
        {all.map((a) => (
          <AccountSettings cid={a.cid} settings={a.settings} />
        ))}
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
