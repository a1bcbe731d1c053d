// Phones: the customers' handsets side by side, each with its thread and a composer that texts the support line.
import { tickFor } from '../components/delivery';
import { clockTime, prettyPhone } from '../components/format';
import { Empty, ErrorBox } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleHandset } from '../telesign-schemas';

export interface KnownHandset {
  phone: string;
  name?: string | undefined;
}

interface ThreadItem {
  direction: 'sent' | 'received';
  text: string;
  at: string;
  other: string;
  status: { code: number; description: string } | null;
  note?: string | undefined;
}

function thread(handset: ConsoleHandset): ThreadItem[] {
  const items: ThreadItem[] = [
    ...handset.outbox.map((m) => ({
      direction: 'sent' as const,
      text: m.text,
      at: m.sentAt,
      other: m.to,
      status: null,
      note: m.note,
    })),
    ...handset.inbox.map((m) => ({
      direction: 'received' as const,
      text: m.text,
      at: m.receivedAt,
      other: m.from,
      status: readStatus(m) ?? { code: 200, description: 'Delivered to handset' },
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

function readStatus(
  message: Record<string, unknown>,
): { code: number; description: string } | null {
  const status = message.status;
  if (typeof status !== 'object' || status === null) return null;
  const { code, description } = status as Record<string, unknown>;
  return typeof code === 'number'
    ? { code, description: typeof description === 'string' ? description : '' }
    : null;
}

function HandsetCard(props: {
  handset: ConsoleHandset;
  name: string | undefined;
  supportNumbers: string[];
  focused: boolean;
}) {
  const { handset } = props;
  const items = thread(handset);
  return (
    <article
      class={`phone ${props.focused ? 'focused' : ''}`}
      data-testid="handset"
      data-phone={handset.phone}
      id={`handset-${handset.phone}`}
    >
      <header class="phone-head">
        <a href={`/phones/${handset.phone}`} data-testid="handset-link">
          <strong>{props.name ?? prettyPhone(handset.phone)}</strong>
        </a>
        <span class="muted">{prettyPhone(handset.phone)}</span>
      </header>
      <ol class="phone-thread" data-testid="handset-thread">
        {items.length === 0 ? <Empty>No messages yet.</Empty> : null}
        {items.map((item) => {
          const tick = item.status ? tickFor(item.status.code, item.status.description) : null;
          return (
            <li
              class={`bubble ${item.direction}`}
              data-testid="handset-message"
              data-direction={item.direction}
            >
              <p class="text">{item.text}</p>
              <span class="meta">
                {clockTime(item.at)} ·{' '}
                {item.direction === 'sent' ? `to ${item.other}` : `from ${item.other}`}
                {tick ? (
                  <span
                    class={`ticks ${tick.tone}`}
                    data-testid="handset-delivery"
                    data-code={String(item.status?.code)}
                  >
                    {' '}
                    {tick.symbol} {tick.label}
                  </span>
                ) : null}
                {item.note ? <span class="warn"> · {item.note}</span> : null}
              </span>
            </li>
          );
        })}
      </ol>
      <form
        class="phone-composer"
        data-api={`POST /_sim/handsets/${handset.phone}/messages`}
        data-target="telesign"
        data-reset
        data-testid="handset-composer"
      >
        <select
          name="to"
          id={`handset-to-${handset.phone}`}
          data-testid="handset-to"
          title="Support number"
        >
          {props.supportNumbers.map((n) => (
            <option value={n}>to {prettyPhone(n)}</option>
          ))}
        </select>
        <textarea
          name="text"
          id={`handset-text-${handset.phone}`}
          rows={2}
          placeholder="Text the support line…"
          data-testid="handset-text"
        />
        <button type="submit" class="btn primary" data-testid="handset-send">
          Send
        </button>
        <output class="form-error" data-role="error" />
      </form>
    </article>
  );
}

export async function renderPhones(
  data: ConsoleData,
  known: KnownHandset[],
  focus: string | undefined,
) {
  try {
    const [handsets, workStreams] = await Promise.all([data.handsets(), data.workStreams()]);
    const supportNumbers = workStreams.flatMap((ws) => (ws.number ? [ws.number.number] : []));
    const byPhone = new Map(handsets.map((h) => [h.phone, h]));
    const names = new Map(known.map((k) => [k.phone, k.name]));
    for (const k of known)
      if (!byPhone.has(k.phone)) byPhone.set(k.phone, { phone: k.phone, inbox: [], outbox: [] });
    if (focus && !byPhone.has(focus)) byPhone.set(focus, { phone: focus, inbox: [], outbox: [] });
    const all = [...byPhone.values()].sort((a, b) =>
      a.phone === focus ? -1 : b.phone === focus ? 1 : a.phone.localeCompare(b.phone),
    );
    if (all.length === 0)
      return <Empty testid="no-handsets">No handsets yet: create one above.</Empty>;
    return (
      <div class="phones">
        {all.map((h) => (
          <HandsetCard
            handset={h}
            name={names.get(h.phone) ?? h.name}
            supportNumbers={supportNumbers}
            focused={h.phone === focus}
          />
        ))}
      </div>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
