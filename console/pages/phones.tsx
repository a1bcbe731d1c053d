// Phones: the customers' handsets side by side, each with its thread and a composer that texts the support line.
import { tickFor } from '../components/delivery';
import { clockTime, prettyPhone } from '../components/format';
import { ApiButton, Empty, ErrorBox } from '../components/ui';
import type { ConsoleData } from '../data';
import { Fragment } from '../layout';
import { handsetKey } from '../live/keys';
import { measureDraft } from '../measure';
import type { ConsoleHandset, ConsoleOptOuts, ConsoleTelesignMessage } from '../telesign-schemas';
import { ClearThread, NotCreated } from './handset-actions';
import { thread } from './handset-thread';
import { textOutcomes } from './text-outcomes';

export interface KnownHandset {
  phone: string;
  name?: string | undefined;
}

/** A number bought from TeleSign, and the work stream it is assigned to (if any). */
export interface PurchasedNumber {
  number: string;
  workStream: string | null;
}

const EMPTY = measureDraft('');
/** Cards shown at once: rendering cost follows this, not the number of handsets (search for the rest). */
export const PHONES_PAGE_SIZE = 12;
/** A card's thread shows the newest messages only: a card costs the same after a day of traffic. */
export const THREAD_SHOWN = 20;
/**
 * What a card reads of each list (sent, received, TeleSign's records): more than it shows, so a
 * message still on its way is matched with its record; the cost stays bounded however long the run.
 */
const THREAD_READ = 50;

function HandsetCard(props: {
  handset: ConsoleHandset;
  toPhone: ConsoleTelesignMessage[];
  outcomes: ReadonlyMap<string, string>;
  name: string | undefined;
  numbers: PurchasedNumber[];
  optOuts: ConsoleOptOuts['opt_outs'];
  focused: boolean;
  /** The fake TeleSign knows this phone (created, texted or was sent to). */
  exists: boolean;
}) {
  const { handset } = props;
  const all = thread(handset, props.toPhone, props.outcomes);
  const items = all.slice(-THREAD_SHOWN);
  const earlier = all.length - items.length;
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
        {items.length > 0 ? <ClearThread phone={handset.phone} /> : null}
      </header>
      {props.exists ? null : <NotCreated phone={handset.phone} />}
      {props.optOuts.map((o) => (
        <p class="warn" data-testid="handset-opt-out" data-number={o.number}>
          Opted out of {prettyPhone(o.number)} ({o.keyword}): TeleSign ends messages from it in 510.{' '}
          <ApiButton
            method="DELETE"
            path={`/_sim/handsets/${handset.phone}/opt-outs/${o.number}`}
            target="telesign"
            testid="handset-opt-in"
          >
            Opt back in
          </ApiButton>
        </p>
      ))}
      <ol class="phone-thread" data-testid="handset-thread">
        {items.length === 0 ? (
          <Empty testid="handset-empty">
            No messages yet — type below to text the support line.
          </Empty>
        ) : null}
        {earlier > 0 ? (
          <li class="muted" data-testid="handset-earlier">
            Earlier messages: <a href={`/inspect?phone=${handset.phone}`}>in the journal</a>
          </li>
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
          title="Any number purchased from TeleSign; an unassigned one shows what an unroutable text does"
        >
          {props.numbers.map((n) => (
            <option value={n.number}>
              to {prettyPhone(n.number)} · {n.workStream ?? 'unassigned'}
            </option>
          ))}
        </select>
        <textarea
          name="text"
          id={`handset-text-${handset.phone}`}
          rows={2}
          placeholder="Text the support line…"
          data-counter={`handset-counter-${handset.phone}`}
          data-segments={`handset-segments-${handset.phone}`}
          data-testid="handset-text"
        />
        <button type="submit" class="btn primary" data-testid="handset-send">
          Send
        </button>
        <span class="composer-figures muted">
          <span id={`handset-counter-${handset.phone}`} data-testid="handset-counter">
            {EMPTY.counter}
          </span>{' '}
          ·{' '}
          <span id={`handset-segments-${handset.phone}`} data-testid="handset-segments">
            {EMPTY.cost}
          </span>
        </span>
        <output class="form-error" data-role="error" />
      </form>
    </article>
  );
}

/** Every number the accounts purchased, labelled with its work stream; these are not customers' phones. */
export async function purchasedNumbers(data: ConsoleData): Promise<PurchasedNumber[]> {
  const [numbers, workStreams] = await Promise.all([data.purchasedNumbers(), data.workStreams()]);
  const assigned = new Map(
    workStreams.flatMap((ws) => (ws.number ? [[ws.number.number, ws.name] as const] : [])),
  );
  return numbers
    .map((number) => ({ number, workStream: assigned.get(number) ?? null }))
    .sort((a, b) => Number(a.workStream === null) - Number(b.workStream === null));
}

/** One handset's card: its own live region, re-rendered only when something about this phone changes. */
export async function renderHandset(
  data: ConsoleData,
  known: KnownHandset[],
  phone: string,
  focused: boolean,
  /** The list saw this phone at TeleSign: no need to read every handset again to know it exists. */
  atTeleSign = false,
) {
  try {
    const [exists, numbers] = await Promise.all([
      atTeleSign ? true : data.handsetPhones().then((phones) => phones.has(phone)),
      purchasedNumbers(data),
    ]);
    // A phone that never texted nor received has nothing to read; reading it must not create it.
    const [handset, toPhone, optOuts] = exists
      ? await Promise.all([
          data.handset(phone, THREAD_READ),
          data.telesignMessages({ phone_number: phone, limit: String(THREAD_READ) }),
          data.optOuts(phone),
        ])
      : [{ phone, inbox: [], outbox: [] }, [], { phone, opt_outs: [] }];
    const outcomes = await textOutcomes(data, handset, numbers);
    return (
      <HandsetCard
        handset={handset}
        toPhone={toPhone}
        outcomes={outcomes}
        name={known.find((k) => k.phone === phone)?.name}
        numbers={numbers}
        optOuts={optOuts.opt_outs}
        focused={focused}
        // The world's own handsets are shown without a note: they exist for the page either way.
        exists={exists || known.some((k) => k.phone === phone)}
      />
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}

export interface PhonesQuery {
  focus?: string | undefined;
  /** Part of a number or a name. */
  q?: string | undefined;
}

/** The handsets to show: the world's and those the fake knows, minus purchased numbers (test SMS). */
export async function listHandsets(data: ConsoleData, known: KnownHandset[], query: PhonesQuery) {
  const [phones, numbers] = await Promise.all([data.handsetPhones(), data.purchasedNumbers()]);
  const purchased = new Set(numbers);
  const names = new Map(known.map((k) => [k.phone, k.name]));
  const all = [...new Set([...known.map((k) => k.phone), ...phones])].filter(
    (p) => !purchased.has(p),
  );
  const q = query.q?.trim().toLowerCase() ?? '';
  const digits = q.replace(/\D/g, '');
  const matching = all.filter(
    (p) =>
      q === '' ||
      (digits !== '' && p.includes(digits)) ||
      (names.get(p) ?? '').toLowerCase().includes(q),
  );
  const focus = query.focus;
  if (focus && !matching.includes(focus)) matching.push(focus);
  matching.sort((a, b) => (a === focus ? -1 : b === focus ? 1 : a.localeCompare(b)));
  return {
    // A focused phone opened by its URL is shown, so it is counted ("7 of 6 handsets" otherwise).
    total: all.length + (focus && !all.includes(focus) ? 1 : 0),
    matching: matching.length,
    shown: matching.slice(0, PHONES_PAGE_SIZE),
  };
}

export async function renderPhones(data: ConsoleData, known: KnownHandset[], query: PhonesQuery) {
  try {
    const [list, atTeleSign] = await Promise.all([
      listHandsets(data, known, query),
      data.handsetPhones(),
    ]);
    if (list.total === 0 && list.shown.length === 0)
      return <Empty testid="no-handsets">No handsets yet: create one above.</Empty>;
    const cards = await Promise.all(
      list.shown.map((phone) =>
        renderHandset(data, known, phone, phone === query.focus, atTeleSign.has(phone)),
      ),
    );
    return (
      <>
        <p class="muted" data-testid="phones-count">
          {list.matching > list.shown.length
            ? `Showing ${list.shown.length} of ${list.matching} handsets${query.q ? ' that match' : ''} — search to find the others.`
            : `${list.shown.length} of ${list.total} handsets${query.q ? ` match "${query.q}"` : ''}.`}
        </p>
        <div class="phones">
          {list.shown.map((phone, i) => (
            <Fragment
              name="handset"
              query={{
                phone,
                ...(phone === query.focus ? { focus: phone } : {}),
                // Once at TeleSign a handset stays there: its refreshes skip the existence check.
                ...(atTeleSign.has(phone) ? { known: '1' } : {}),
              }}
              keys={[handsetKey(phone)]}
              testid="handset-region"
            >
              {cards[i]}
            </Fragment>
          ))}
        </div>
      </>
    );
  } catch (error) {
    return <ErrorBox error={error} />;
  }
}
