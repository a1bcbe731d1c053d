// Phones: the customers' handsets side by side, each with its thread and a composer that texts the support line.
import { tickFor } from '../components/delivery';
import { clockTime, prettyPhone } from '../components/format';
import { Empty, ErrorBox } from '../components/ui';
import type { ConsoleData } from '../data';
import type { ConsoleHandset, ConsoleTelesignMessage } from '../telesign-schemas';

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

/** What the phone sent, and what TeleSign was asked to deliver to it, with the latest status. */
function thread(handset: ConsoleHandset, toPhone: ConsoleTelesignMessage[]): ThreadItem[] {
  const items: ThreadItem[] = [
    ...handset.outbox.map((m) => ({
      direction: 'sent' as const,
      text: m.text,
      at: m.sentAt,
      other: m.to,
      status: null,
      note: m.note,
    })),
    ...toPhone.map((m) => ({
      direction: 'received' as const,
      text: m.message,
      at: m.submit_timestamp,
      other: m.sender_id ?? 'TeleSign',
      status: { code: m.status.code, description: m.status.description },
    })),
  ];
  return items.sort((a, b) => a.at.localeCompare(b.at));
}

function HandsetCard(props: {
  handset: ConsoleHandset;
  toPhone: ConsoleTelesignMessage[];
  name: string | undefined;
  supportNumbers: string[];
  focused: boolean;
}) {
  const { handset } = props;
  const items = thread(handset, props.toPhone);
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
        {items.length === 0 ? (
          <Empty testid="handset-empty">
            No messages yet — type below to text the support line.
          </Empty>
        ) : null}
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
                {item.direction === 'sent'
                  ? `to ${prettyPhone(item.other)}`
                  : `from ${/^\d+$/.test(item.other) ? prettyPhone(item.other) : item.other}`}
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
    const [summaries, workStreams, messages] = await Promise.all([
      data.handsets(),
      data.workStreams(),
      data.telesignMessages(),
    ]);
    const supportNumbers = workStreams.flatMap((ws) => (ws.number ? [ws.number.number] : []));
    const names = new Map(known.map((k) => [k.phone, k.name]));
    const phones = [...new Set([...known.map((k) => k.phone), ...summaries.map((h) => h.phone)])];
    if (focus && !phones.includes(focus)) phones.push(focus);
    phones.sort((a, b) => (a === focus ? -1 : b === focus ? 1 : a.localeCompare(b)));
    if (phones.length === 0)
      return <Empty testid="no-handsets">No handsets yet: create one above.</Empty>;
    const handsets = await Promise.all(phones.map((phone) => data.handset(phone)));
    return (
      <div class="phones">
        {handsets.map((h) => (
          <HandsetCard
            handset={h}
            toPhone={messages.filter((m) => m.phone_number === h.phone)}
            name={names.get(h.phone)}
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
