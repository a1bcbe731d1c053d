// What a developer does to one handset besides texting: create it (a page opened by its URL creates
// nothing) and clear its thread (asked first).
import { prettyPhone } from '../components/format';
import { ApiButton } from '../components/ui';

/** Shown on the card of a phone the fake TeleSign does not know yet. */
export function NotCreated(props: { phone: string }) {
  return (
    <p class="muted" data-testid="handset-not-created">
      Not at TeleSign yet: showing it here creates nothing. Text from it, or{' '}
      <ApiButton
        method="PUT"
        path={`/_sim/handsets/${props.phone}`}
        target="telesign"
        testid="handset-create"
        title="Keep this handset at the fake TeleSign, across restarts too"
      >
        Create handset
      </ApiButton>
      , to keep it.
    </p>
  );
}

export const clearQuestion = (phone: string): string =>
  `Clear the thread of ${prettyPhone(phone)}? Its messages leave this phone (in the data folder too). TeleSign's records of them stay, and the channel keeps its conversations.`;

export function ClearThread(props: { phone: string }) {
  return (
    <ApiButton
      method="DELETE"
      path={`/_sim/handsets/${props.phone}/messages`}
      target="telesign"
      tone="plain"
      testid="handset-clear"
      title="Empty this phone's thread"
      confirm={clearQuestion(props.phone)}
    >
      Clear thread
    </ApiButton>
  );
}
