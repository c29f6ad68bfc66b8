/**
 * GET /sign-in is answered with the sign-in page already in the HTML (rendered at build time by prerender.tsx),
 * in <div id="prerendered">, beside <div id="root" hidden> where the app mounts as everywhere else; main.tsx
 * loads the app once that copy is painted. The copy stays on screen until the live page has committed;
 * takeOver() then swaps them before the browser paints, with what was typed, the focus and a submit asked for
 * meanwhile. Fields are matched by their autocomplete token.
 */
let submitAsked = false;

// Also called while the page is rendered at build time (prerender.tsx), where there is no document.
const prerendered = () => (typeof document === 'undefined' ? null : document.getElementById('prerendered'));

/** Called first thing by main.tsx: a submit from now on waits for the live form instead of being lost. */
export function watchPrerendered(): void {
  prerendered()
    ?.querySelector('form')
    ?.addEventListener('submit', (event) => {
      event.preventDefault();
      submitAsked = true;
    });
}

/** What was typed in the pre-rendered field with this autocomplete token ('' when nothing or no copy). */
export function prerenderedValue(autocomplete: string): string {
  return prerendered()?.querySelector<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)?.value ?? '';
}

export interface TakenOver {
  /** Values of the pre-rendered fields at the moment of the swap, by autocomplete token. */
  values: Record<string, string>;
  /** The person submitted the pre-rendered form after the app's code started: the live form should submit. */
  submit: boolean;
}

/**
 * Removes the pre-rendered copy and shows the live app. Call it from a layout effect (same frame as the commit);
 * null when there is nothing to take over (any other page, a second call, the dev server).
 */
export function takeOver(): TakenOver | null {
  const copy = prerendered();
  const root = document.getElementById('root');
  if (!copy || !root) return null;
  const values: Record<string, string> = {};
  let focused: { token: string; start: number | null; end: number | null } | null = null;
  for (const input of copy.querySelectorAll<HTMLInputElement>('input[autocomplete]')) {
    const token = input.getAttribute('autocomplete') ?? '';
    values[token] = input.value;
    if (input === document.activeElement) focused = { token, ...selection(input) };
  }
  copy.remove();
  root.hidden = false;
  const live = focused && root.querySelector<HTMLInputElement>(`input[autocomplete="${focused.token}"]`);
  if (focused && live) {
    live.focus();
    try {
      if (focused.start !== null) live.setSelectionRange(focused.start, focused.end ?? focused.start);
    } catch {
      // Some input types (email) have no selection: the caret stays where focus put it.
    }
  }
  return { values, submit: submitAsked };
}

function selection(input: HTMLInputElement): { start: number | null; end: number | null } {
  try {
    return { start: input.selectionStart, end: input.selectionEnd };
  } catch {
    return { start: null, end: null };
  }
}

/** Resolves once the pre-rendered copy has been painted (at once when there is none, or nothing is painted). */
export function afterPrerenderedPaint(): Promise<void> {
  // A tab opened in the background paints nothing (and runs no animation frame) until it is shown.
  if (!prerendered() || document.visibilityState === 'hidden') return Promise.resolve();
  // A requestAnimationFrame callback runs just before a frame is painted; a task queued from it runs after.
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The pre-rendered page has inline only the styles it uses; the whole stylesheet comes as
 * <link media="print" data-after-paint>, which holds no paint (web/src/app/critical-css.ts). Each is replaced by
 * a copy that applies (same address: the download already made or under way serves it), and the promise resolves
 * once the copies have loaded, or failed: a copy's events fire whenever the first link's load ended.
 */
export function applyDeferredStylesheets(): Promise<unknown> {
  return Promise.all(
    [...document.querySelectorAll<HTMLLinkElement>('link[data-after-paint]')].map(
      (link) =>
        new Promise((done) => {
          const applied = link.cloneNode() as HTMLLinkElement;
          applied.media = 'all';
          applied.onload = applied.onerror = done;
          link.replaceWith(applied);
        }),
    ),
  );
}
