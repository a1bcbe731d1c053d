// A conversation's two histories side by side: its transitions (time, from → to, actor, reason) and
// its offers (to whom, when, and how each ended: accepted, rejected, timed out, withdrawn; R-AG-3).
import { preciseTime } from '../components/format';
import { Badge, Empty, Panel } from '../components/ui';
import type { ConsoleConversation } from '../data-schemas';

type Names = Map<string, string>;

const OUTCOME_TONE: Record<string, string> = {
  pending: 'amber',
  accepted: 'green',
  rejected: 'red',
  'timed-out': 'grey',
  withdrawn: 'grey',
};

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

function TransitionsPanel(props: { cv: ConsoleConversation; names: Names }) {
  const actor = (a: { kind: string; agentId?: string | undefined }) =>
    a.agentId ? `${a.kind} ${props.names.get(a.agentId) ?? a.agentId}` : a.kind;
  return (
    <Panel title={`Transitions (${props.cv.transitions.length})`} testid="record-transitions">
      <table>
        <thead>
          <tr>
            <th>Time</th>
            <th>From → to</th>
            <th>Actor</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {props.cv.transitions.map((t) => (
            <tr data-testid="record-transition">
              <td class="mono">{preciseTime(t.at)}</td>
              <td>
                {t.from ?? '—'} → {t.to}
              </td>
              <td>{actor(t.actor)}</td>
              <td>{t.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}

function OffersPanel(props: { cv: ConsoleConversation; names: Names }) {
  const offers = props.cv.offers;
  return (
    <Panel title={`Offers (${offers.length})`} testid="record-offers">
      {offers.length === 0 ? (
        <Empty testid="record-no-offers">
          Never offered: a pick-mode conversation, or no agent was eligible.
        </Empty>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Offered</th>
              <th>To</th>
              <th>Outcome</th>
              <th>Ended</th>
              <th>After</th>
            </tr>
          </thead>
          <tbody>
            {offers.map((o) => (
              <tr
                data-testid="record-offer"
                data-agent-id={o.agentId}
                data-outcome={o.outcome}
                data-offered-at={String(o.offeredAt)}
              >
                <td class="mono">{preciseTime(o.offeredAt)}</td>
                <td>{props.names.get(o.agentId) ?? o.agentId}</td>
                <td>
                  <Badge tone={OUTCOME_TONE[o.outcome] ?? 'grey'} testid="record-offer-outcome">
                    {o.outcome}
                  </Badge>
                </td>
                <td class="mono">{o.endedAt === undefined ? '—' : preciseTime(o.endedAt)}</td>
                <td>{o.endedAt === undefined ? 'waiting' : seconds(o.endedAt - o.offeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

export function ConversationHistory(props: { cv: ConsoleConversation; names: Names }) {
  return (
    <div class="history-pair" data-testid="record-history">
      <TransitionsPanel cv={props.cv} names={props.names} />
      <OffersPanel cv={props.cv} names={props.names} />
    </div>
  );
}
