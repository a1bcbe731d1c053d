// How a delivery status looks: ticks for TeleSign's codes, red with the reason for a failure.
import type { ConsoleMessage } from '../data-schemas';

export type Tick = {
  symbol: string;
  label: string;
  tone: 'pending' | 'sent' | 'delivered' | 'failed';
};

/** TeleSign status code → tick (290 in progress, 203 at the gateway, 200 on the handset). */
export function tickFor(code: number | null, description?: string): Tick {
  if (code === null) return { symbol: '…', label: 'sending', tone: 'pending' };
  if (code === 200 || code === 201)
    return { symbol: '✓✓', label: description || 'delivered to handset', tone: 'delivered' };
  if (code === 203)
    return { symbol: '✓✓', label: description || 'delivered to gateway', tone: 'sent' };
  if (code >= 290 && code <= 295)
    return { symbol: '✓', label: description || 'in progress', tone: 'sent' };
  return { symbol: '✗', label: `${code} ${description ?? ''}`.trim(), tone: 'failed' };
}

export function DeliveryTicks(props: { message: ConsoleMessage }) {
  const { message } = props;
  if (message.direction === 'inbound') return null;
  if (message.failure) {
    return (
      <span class="ticks failed" data-testid="delivery-status" data-status="failed">
        ✗ {String(message.failure.code)} {message.failure.description}
      </span>
    );
  }
  const tick = tickFor(message.delivery?.code ?? null, message.delivery?.description);
  const explanation = message.delivery?.explanation;
  if (explanation && message.delivery) {
    // R-MSG-8: say what the code means, with TeleSign's own code and description beside it.
    return (
      <span
        class="ticks failed"
        title={tick.label}
        data-testid="delivery-status"
        data-status="failed"
        data-code={String(message.delivery.code)}
      >
        ✗ <strong data-testid="delivery-explanation">{explanation}</strong> (TeleSign {tick.label})
      </span>
    );
  }
  return (
    <span
      class={`ticks ${tick.tone}`}
      title={tick.label}
      data-testid="delivery-status"
      data-status={tick.tone}
      data-code={message.delivery ? String(message.delivery.code) : ''}
    >
      {tick.symbol} {tick.label}
    </span>
  );
}
