// Small building blocks shared by the pages: panels, badges, empty states, API buttons.
import type { Child } from 'hono/jsx';

export function Panel(props: { title: string; testid: string; actions?: Child; children: Child }) {
  return (
    <section class="panel" data-testid={props.testid}>
      <header class="panel-head">
        <h2>{props.title}</h2>
        {props.actions ?? null}
      </header>
      <div class="panel-body">{props.children}</div>
    </section>
  );
}

export function Badge(props: { tone?: string; testid?: string; children: Child }) {
  return (
    <span class={`badge ${props.tone ?? ''}`} data-testid={props.testid}>
      {props.children}
    </span>
  );
}

export function Empty(props: { children: Child; testid?: string }) {
  return (
    <p class="empty" data-testid={props.testid}>
      {props.children}
    </p>
  );
}

export function ErrorBox(props: { error: unknown }) {
  const message = props.error instanceof Error ? props.error.message : String(props.error);
  return (
    <p class="error-box" data-testid="data-error" role="alert">
      Could not load: {message}
    </p>
  );
}

/**
 * A button that calls a documented API (the client script does the fetch).
 * `target="telesign"` sends it to the fake TeleSign's control plane instead of the channel.
 */
export function ApiButton(props: {
  method: string;
  path: string;
  body?: unknown;
  target?: 'channel' | 'telesign';
  then?: string;
  testid: string;
  tone?: 'primary' | 'danger' | 'plain';
  title?: string;
  /** Asked before the call (destructive actions): nothing happens unless the user agrees. */
  confirm?: string;
  children: Child;
}) {
  return (
    <button
      type="button"
      class={`btn ${props.tone ?? 'plain'}`}
      data-api={`${props.method} ${props.path}`}
      data-target={props.target ?? 'channel'}
      data-body={props.body === undefined ? undefined : JSON.stringify(props.body)}
      data-then={props.then}
      data-confirm={props.confirm}
      data-testid={props.testid}
      title={props.title}
    >
      {props.children}
    </button>
  );
}

export const STATE_TONE: Record<string, string> = {
  open: 'blue',
  active: 'green',
  waiting: 'amber',
  'wrap-up': 'violet',
  closed: 'grey',
};

export const PRESENCE_TONE: Record<string, string> = {
  available: 'green',
  busy: 'amber',
  'busy-dnd': 'red',
  away: 'grey',
  offline: 'grey',
};
