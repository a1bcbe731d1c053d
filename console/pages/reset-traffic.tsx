// Reset from the console: the fake TeleSign's traffic goes, its accounts and numbers stay (a full
// `POST /_sim/reset` would take the channel's own account with it and leave the simulator unusable).
import { ApiButton } from '../components/ui';

/** The question the browser asks before the reset; nothing happens unless the user agrees. */
export const RESET_QUESTION =
  "Reset the fake TeleSign's traffic? Every message and its status, every handset (created ones too) and its thread, opt-outs, handset delivery policies, faults and the journal are forgotten, in the data folder too. Accounts, their settings and numbers stay. The channel keeps its conversations; status lookups of forgotten messages will answer 404.";

export function ResetTraffic() {
  return (
    <ApiButton
      method="POST"
      path="/_sim/reset"
      body={{ keep_accounts: true }}
      target="telesign"
      tone="danger"
      testid="reset-traffic"
      title="Forget the traffic, keep the accounts"
      confirm={RESET_QUESTION}
      then="/telesign"
    >
      Reset traffic…
    </ApiButton>
  );
}
