// The customer panel when the conversation is linked to an account (R-RT-1): its name, main phone and fields.
import type { ConsoleAccount } from '../data-schemas';
import { prettyPhone } from './format';
import { Badge } from './ui';

export function AccountCard(props: { account: ConsoleAccount }) {
  const { account } = props;
  return (
    <div class="contact-card" data-testid="account-card">
      <strong data-testid="account-name">{account.name}</strong> <Badge>account</Badge>
      <dl>
        <dt>Main phone</dt>
        <dd>{account.mainPhone ? prettyPhone(account.mainPhone) : '—'}</dd>
        {Object.entries(account.fields).map(([key, value]) => (
          <>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
    </div>
  );
}
