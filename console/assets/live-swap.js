// @ts-check
// Swapping a live region for its new HTML without losing what the user has in it: typed values,
// focus, open disclosures, answers beside forms, threads scrolled to their end.
/** Which form an answer belongs to, so the re-rendered form gets it back. */
function outputKey(/** @type {HTMLOutputElement} */ out) {
  const form = out.closest('form');
  return [form?.dataset.api, form?.dataset.testid, out.dataset.role].join('|');
}

/**
 * What the user has in a region before it is replaced: typed values, focus, open disclosures,
 * answers beside forms, and which threads were scrolled to their end. Read for every region of a
 * refresh before any is written, so the browser lays the page out once, not once per region.
 */
function capture(/** @type {HTMLElement} */ region) {
  /** @type {Map<string, string>} */
  const values = new Map();
  for (const el of Array.from(region.querySelectorAll('input[id], textarea[id], select[id]'))) {
    const field = /** @type {HTMLInputElement} */ (el);
    if (field.dataset.dirty)
      values.set(field.id, field.type === 'checkbox' ? String(field.checked) : field.value);
  }
  /** @type {Map<string, string>} */
  const answers = new Map();
  for (const out of Array.from(region.querySelectorAll('output[data-role]'))) {
    if (out.textContent)
      answers.set(outputKey(/** @type {HTMLOutputElement} */ (out)), out.outerHTML);
  }
  return {
    values,
    answers,
    // A field an API refused stays marked until the next answer.
    invalid: Array.from(region.querySelectorAll('[id][aria-invalid="true"]')).map((el) => el.id),
    focused:
      document.activeElement && region.contains(document.activeElement)
        ? document.activeElement.id
        : '',
    // A disclosure the user opened stays open.
    opened: new Set(
      Array.from(region.querySelectorAll('details[open][data-testid]')).map(
        (el) => /** @type {HTMLElement} */ (el).dataset.testid,
      ),
    ),
    atEnd: Array.from(
      region.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
    ).map((el) => el.scrollHeight - el.scrollTop - el.clientHeight < 8),
  };
}

/** Puts `html` in the region and gives back what `capture` kept (scrolling is done by `scrollBack`). */
function replace(
  /** @type {HTMLElement} */ region,
  /** @type {string} */ html,
  /** @type {ReturnType<typeof capture>} */ kept,
) {
  region.innerHTML = html;
  for (const [id, value] of kept.values) {
    const field = /** @type {HTMLInputElement|null} */ (document.getElementById(id));
    if (field && region.contains(field)) {
      if (field.type === 'checkbox') field.checked = value === 'true';
      else field.value = value;
      field.dataset.dirty = '1';
    }
  }
  for (const id of kept.invalid) document.getElementById(id)?.setAttribute('aria-invalid', 'true');
  for (const out of Array.from(region.querySelectorAll('output[data-role]'))) {
    const answer = kept.answers.get(outputKey(/** @type {HTMLOutputElement} */ (out)));
    if (answer && !out.textContent) out.outerHTML = answer;
  }
  for (const el of Array.from(region.querySelectorAll('details[data-testid]'))) {
    if (kept.opened.has(/** @type {HTMLElement} */ (el).dataset.testid))
      /** @type {HTMLDetailsElement} */ (el).open = true;
  }
  if (kept.focused) document.getElementById(kept.focused)?.focus();
}

/** A thread that was at its end stays at its end (its newest message in view). */
function scrollBack(
  /** @type {HTMLElement} */ region,
  /** @type {ReturnType<typeof capture>} */ kept,
) {
  Array.from(
    region.querySelectorAll('[data-testid$="thread"], [data-testid="transcript"]'),
  ).forEach((el, i) => {
    if (kept.atEnd[i] !== false) el.scrollTop = el.scrollHeight;
  });
}

/** Replaces regions with their new HTML: all reads first, then all writes, then the scrolling. */
export function swapAll(/** @type {[HTMLElement, string][]} */ answers) {
  const live = answers.filter(([region]) => region.isConnected);
  const kept = live.map(([region]) => capture(region));
  for (const [i, [region, html]] of live.entries()) replace(region, html, kept[i]);
  for (const [i, [region]] of live.entries()) scrollBack(region, kept[i]);
}
