// The console's page frame: head, navigation, the TeleSign URL handed to the client script.
import type { Child } from 'hono/jsx';

export type Section = 'phones' | 'agent' | 'admin' | 'telesign' | 'inspect' | 'index';

export interface LayoutProps {
  title: string;
  section: Section;
  telesignUrl: string;
  clockKind: string;
  children: Child;
}

const NAV: Array<{ section: Section; href: string; label: string }> = [
  { section: 'phones', href: '/', label: 'Phones' },
  { section: 'agent', href: '/agent', label: 'Agent workspace' },
  { section: 'admin', href: '/admin', label: 'Admin' },
  { section: 'telesign', href: '/telesign', label: 'TeleSign' },
  { section: 'inspect', href: '/inspect', label: 'Inspect' },
];

export function Layout(props: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="telesign-url" content={props.telesignUrl} />
        <title>{`${props.title} · SMS channel simulator`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/console/assets/console.css" />
        <link rel="stylesheet" href="/console/assets/phones.css" />
        <link rel="stylesheet" href="/console/assets/pages.css" />
        <link rel="stylesheet" href="/console/assets/admin.css" />
        <link rel="stylesheet" href="/console/assets/inspect.css" />
        <script type="module" src="/console/assets/console.js" />
      </head>
      <body data-section={props.section} data-telesign-url={props.telesignUrl}>
        <header class="topbar">
          <a class="brand" href="/">
            SMS channel simulator
          </a>
          <nav>
            {NAV.map((item) => (
              <a
                href={item.href}
                data-testid={`nav-${item.section}`}
                class={item.section === props.section ? 'active' : ''}
              >
                {item.label}
              </a>
            ))}
          </nav>
          <span class="live" data-testid="live-status" title="Live updates">
            <span class="dot" /> <span data-role="live-text">connecting…</span>
          </span>
          <span class="clock-kind" data-testid="clock-kind">
            clock: {props.clockKind}
          </span>
        </header>
        <main>{props.children}</main>
        <div class="toast" data-role="toast" data-testid="toast" hidden />
      </body>
    </html>
  );
}

/** A region the client script re-renders from `/console/f/...` whenever an event arrives. */
export function Fragment(props: {
  name: string;
  query?: Record<string, string>;
  /** What changes it (console/live/keys.ts): the server's live stream names these keys. */
  keys: readonly string[];
  testid: string;
  children: Child;
}) {
  const search = new URLSearchParams(props.query ?? {}).toString();
  const src = `/console/f/${props.name}${search ? `?${search}` : ''}`;
  return (
    <div data-fragment={src} data-keys={props.keys.join(' ')} data-testid={props.testid}>
      {props.children}
    </div>
  );
}
