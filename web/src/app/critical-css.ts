import postcss, { type AtRule, type Container, type Declaration, type Root, type Rule } from 'postcss';

/**
 * Build time only (web/vite.config.ts): the part of a stylesheet a pre-rendered page can use, small enough to sit
 * inline in its <head>, so that the first paint waits for no download. The whole stylesheet still comes, after that
 * paint (see deferStylesheet), for the live app.
 *
 * The selection is conservative: it reads the markup, not a layout. A selector is dropped only when it names a
 * class, or an attribute (with its value for `[name=value]`), found nowhere in the markup, outside `:not()` and
 * other selectors that do not require it. Custom properties are then kept only when a kept declaration, an inline
 * style or a kept custom property refers to them.
 */

interface Markup {
  classes: Set<string>;
  /** Attribute name → its values in the markup. */
  attributes: Map<string, Set<string>>;
  /** Every `style="…"` attribute, joined. */
  inlineStyles: string;
}

function readMarkup(html: string): Markup {
  const classes = new Set<string>();
  const attributes = new Map<string, Set<string>>();
  const styles: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/g)) {
    for (const a of tag[0].matchAll(
      /\s([a-zA-Z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g,
    )) {
      const name = a[1]!.toLowerCase();
      const value = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
      if (!attributes.has(name)) attributes.set(name, new Set());
      attributes.get(name)!.add(value);
      if (name === 'class') value.split(/\s+/).forEach((c) => c && classes.add(c));
      if (name === 'style') styles.push(value);
    }
  }
  return { classes, attributes, inlineStyles: styles.join(';') };
}

const decodeEntities = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Index of the parenthesis closing the one at `open`, quotes and escapes skipped (the end when unbalanced). */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '"' || c === "'") {
      const end = text.indexOf(c, i + 1);
      i = end < 0 ? text.length : end;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}

/** Whether `text` has a comma outside parentheses. */
function hasChoices(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '(') i = closing(text, i);
    else if (text[i] === ',') return true;
  }
  return false;
}

/**
 * The part of a selector every match must satisfy: the arguments of `:not()`, `:has()`, of `:is()`/`:where()`
 * lists with several choices and of any other functional pseudo-class (`:nth-child(2 of .x)`, `:lang()`…) are
 * left out (whatever they name, the selector may still match); `:is(x)` with one choice requires x.
 */
function required(selector: string): string {
  let out = '';
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i]!;
    if (c === '\\') {
      out += selector.slice(i, i + 2);
      i++;
      continue;
    }
    const fn = /^:([\w-]+)\(/.exec(selector.slice(i));
    if (!fn) {
      out += c;
      continue;
    }
    const open = i + fn[0].length - 1;
    const close = closing(selector, open);
    const inner = selector.slice(open + 1, close);
    if (/^(is|where|matches|-webkit-any)$/.test(fn[1]!) && !hasChoices(inner)) out += ` ${required(inner)} `;
    else out += ' ';
    i = close;
  }
  return out;
}

/** Attribute selectors, `[` and `]` escaped in class names left alone. */
const attributeSelector = /(?<!\\)\[((?:\\.|[^\]\\])*)\]/g;

function mayMatch(selector: string, markup: Markup): boolean {
  const s = required(selector);
  for (const m of s.replace(attributeSelector, ' ').matchAll(/\.((?:\\.|[\w-])+)/g))
    if (!markup.classes.has(m[1]!.replace(/\\(.)/g, '$1'))) return false;
  for (const a of s.matchAll(attributeSelector)) {
    const m = /^\s*([\w:-]+)\s*(?:([~|^$*]?=)\s*(?:"([^"]*)"|'([^']*)'|([^\s]*))\s*([is])?\s*)?$/.exec(a[1]!);
    if (!m) continue;
    const values = markup.attributes.get(m[1]!.toLowerCase());
    if (!values) return false;
    const value = m[3] ?? m[4] ?? m[5];
    if (m[2] === '=' && !m[6] && value !== undefined && !values.has(value)) return false;
  }
  return true;
}

const varRefs = (value: string) => [...value.matchAll(/var\(\s*(--[\w-]+)/g)].map((m) => m[1]!);

/** Drops rules no element of the markup can match (at-rules left empty go later, with dropEmpty). */
function dropUnmatched(container: Container, markup: Markup): void {
  container.each((node) => {
    if (node.type === 'rule') {
      const kept = (node as Rule).selectors.filter((s) => mayMatch(s, markup));
      if (kept.length === 0) node.remove();
      else (node as Rule).selectors = kept;
    } else if (
      node.type === 'atrule' &&
      (node as AtRule).nodes &&
      !/keyframes$/.test((node as AtRule).name)
    ) {
      dropUnmatched(node as AtRule, markup);
    }
  });
}

/** Removes custom properties nothing refers to, in every sheet at once (a property defined in one may be used in another). */
function dropUnusedProperties(sheets: Root[], inlineStyles: string): void {
  const definitions = new Map<string, Declaration[]>();
  const used = new Set<string>(varRefs(inlineStyles));
  const usedKeyframes = new Set<string>();
  for (const sheet of sheets)
    sheet.walkDecls((decl) => {
      if (decl.prop.startsWith('--')) {
        if (!definitions.has(decl.prop)) definitions.set(decl.prop, []);
        definitions.get(decl.prop)!.push(decl);
      } else varRefs(decl.value).forEach((v) => used.add(v));
      // Any word of any value may name keyframes (an animation, or a custom property an animation reads).
      words(decl.value).forEach((w) => usedKeyframes.add(w));
    });
  words(inlineStyles).forEach((w) => usedKeyframes.add(w));
  const queue = [...used];
  while (queue.length > 0) {
    for (const decl of definitions.get(queue.pop()!) ?? [])
      for (const ref of varRefs(decl.value))
        if (!used.has(ref)) {
          used.add(ref);
          queue.push(ref);
        }
  }
  for (const [prop, decls] of definitions) if (!used.has(prop)) decls.forEach((d) => d.remove());
  for (const sheet of sheets) {
    sheet.walkAtRules(/keyframes$/, (rule) => {
      if (!usedKeyframes.has(rule.params)) rule.remove();
    });
    dropEmpty(sheet);
  }
}

const words = (value: string) => value.split(/[\s,();:]+/).filter(Boolean);

/** Rules and at-rules with nothing left inside, innermost first. */
function dropEmpty(container: Container): void {
  container.each((node) => {
    if (node.type !== 'rule' && node.type !== 'atrule') return;
    if (node.nodes) dropEmpty(node);
    if (node.nodes?.length === 0) node.remove();
  });
}

const minify = (root: Root) => {
  root.walk((node) => {
    if (node.type === 'comment') node.remove();
    else if (node.raws) {
      node.raws.before = '';
      node.raws.after = '';
      if ('between' in node.raws) node.raws.between = node.type === 'decl' ? ':' : '';
      if (node.type === 'decl' || node.type === 'rule' || node.type === 'atrule') node.raws.semicolon = false;
    }
  });
  return root.toString();
};

/**
 * `css` reduced to what `html` (the whole page) can use, and the page's own <style> elements reduced the same way
 * (their custom properties only: theirs are the theme's variables).
 */
export function criticalCss(css: string, html: string): { css: string; html: string } {
  const markup = readMarkup(html);
  const sheet = postcss.parse(css);
  dropUnmatched(sheet, markup);
  const styleElement = /(<style\b[^>]*>)([\s\S]*?)(<\/style>)/g;
  const inline = [...html.matchAll(styleElement)].map((m) => postcss.parse(m[2]!));
  dropUnusedProperties([sheet, ...inline], markup.inlineStyles);
  let i = 0;
  const page = html.replace(styleElement, (_m, open: string, _body, close: string) => {
    return `${open}${minify(inline[i++]!)}${close}`;
  });
  return { css: minify(sheet), html: page };
}

/**
 * The page with `link` (a stylesheet tag of its head) replaced by `css` inline, then by the same link marked
 * media="print" and data-after-paint: it is downloaded without holding the first paint, and main.tsx applies it
 * before the live app shows. The entry script moves after the page's markup, as in web/index.html: nothing in the
 * head but the inline styles stands before the page.
 */
export function deferStylesheet(page: string, link: string, css: string): string {
  const tag = link.trim();
  if (!page.includes(tag)) throw new Error(`critical-css: ${tag} is not in the page`);
  const deferred = tag.replace(/>$/, ' media="print" data-after-paint>');
  const withStyle = page.replace(tag, () => `<style>${css}</style>\n    ${deferred}`);
  const script = /\n\s*<script type="module"[^>]*><\/script>/.exec(withStyle);
  if (!script) throw new Error('critical-css: the page has no entry script');
  const out = withStyle.replace(script[0], '');
  const end = out.lastIndexOf('</body>');
  if (end < 0) throw new Error('critical-css: the page has no </body>');
  return `${out.slice(0, end)}  ${script[0].trim()}\n  ${out.slice(end)}`;
}
