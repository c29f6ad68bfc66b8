import { describe, expect, it } from 'vitest';
import { criticalCss, deferStylesheet } from './critical-css.ts';

/** The stylesheet part of criticalCss, for a page that has no <style> of its own. */
const reduced = (css: string, html: string) => criticalCss(css, html).css;

describe('criticalCss: the rules a page may use', () => {
  it('drops a rule whose class is on no element of the page and keeps one whose class is', () => {
    const html = '<main><div class="a  b">x</div></main>';
    expect(reduced('.a{color:red}.zzz{color:blue}.b{top:0}', html)).toBe('.a{color:red}.b{top:0}');
    expect(reduced('.a .zzz{color:red}', html)).toBe('');
    expect(reduced('.a.b{color:red}', html)).toBe('.a.b{color:red}');
  });

  it('keeps only the selectors of a list that may match', () => {
    const html = '<div class="a"></div>';
    expect(reduced('.a,.zzz{color:red}', html)).toBe('.a{color:red}');
    expect(reduced('.zzz,.a,.yyy{color:red}', html)).toBe('.a{color:red}');
    expect(reduced('.zzz,.yyy{color:red}', html)).toBe('');
  });

  it('requires the value of [name=value] and only the presence of [name]', () => {
    const html = '<html data-x="light"><body><p class="a b"></p></body></html>';
    const css =
      '[data-x=dark] .a{color:red}' +
      '[data-x] .a{color:blue}' +
      '[data-x=light] .a{color:green}' +
      '[data-x="dark"] .b{top:1px}' +
      '[data-x="light"] .b{top:0}' +
      '[data-y]{top:2px}';
    expect(reduced(css, html)).toBe(
      '[data-x] .a{color:blue}[data-x=light] .a{color:green}[data-x="light"] .b{top:0}',
    );
  });

  it('keeps a selector whatever its :not() or :has() names', () => {
    const html = '<div class="a" data-x="light"></div>';
    expect(reduced('.a:not(.absent){color:red}', html)).toBe('.a:not(.absent){color:red}');
    expect(reduced('.a:not([data-x=dark]){color:red}', html)).toBe('.a:not([data-x=dark]){color:red}');
    expect(reduced('.a:has(.absent){color:red}', html)).toBe('.a:has(.absent){color:red}');
    // What is outside :not() is still required.
    expect(reduced('.absent:not(.a){color:red}', html)).toBe('');
  });

  it('keeps :where() and :is() with several choices, and requires the only choice of one', () => {
    const html = '<p class="a"></p>';
    expect(reduced(':where(.a,.absent){color:blue}', html)).toBe(':where(.a,.absent){color:blue}');
    expect(reduced(':is(.absent,.other) p{color:blue}', html)).toBe(':is(.absent,.other) p{color:blue}');
    expect(reduced(':where(.absent){color:green}', html)).toBe('');
    expect(reduced(':is(.absent) p{color:green}', html)).toBe('');
    expect(reduced(':where(.a){color:green}', html)).toBe(':where(.a){color:green}');
  });

  it('does not take a dot in an attribute value for a class', () => {
    const html = '<a href="/guide.pdf">Guide</a>';
    expect(reduced('a[href$=".pdf"]{color:red}', html)).toBe('a[href$=".pdf"]{color:red}');
    expect(reduced("[href*='.pdf'] .absent{color:red}", html)).toBe('');
  });

  it('reads escaped characters of class names', () => {
    expect(reduced('.sm\\:flex{display:flex}', '<div class="sm:flex"></div>')).toBe(
      '.sm\\:flex{display:flex}',
    );
    expect(reduced('.sm\\:flex{display:flex}', '<div class="sm"></div>')).toBe('');
  });

  it('keeps element selectors, the universal selector and :root, which name no class', () => {
    const css = ':root{color-scheme:light}*{box-sizing:border-box}body{margin:0}h1{font-size:2em}';
    expect(reduced(css, '<body><p>x</p></body>')).toBe(css);
  });

  it('keeps the matching rules of an @media block and leaves out a block with none', () => {
    const css = '@media (min-width:40em){.a{color:red}.zzz{color:blue}}@media print{.zzz{color:blue}}';
    expect(reduced(css, '<div class="a"></div>')).toBe('@media (min-width:40em){.a{color:red}}');
  });

  it('leaves out comments and the spaces between tokens', () => {
    const css =
      '/* theme */\n.a {\n  color: red; /* brand */\n  margin: 0 auto;\n}\n\n.b,\n.zzz {\n  top: 0;\n}';
    expect(reduced(css, '<p class="a b"></p>')).toBe('.a{color:red;margin:0 auto}.b{top:0}');
  });

  it('reads attribute values with their entities decoded', () => {
    const html = '<p title="say &quot;hi&quot;"></p><p title="a&amp;b"></p><p title="it&#x27;s"></p>';
    const css =
      `[title='say "hi"']{color:red}` +
      '[title="a&b"]{color:blue}' +
      `[title="it's"]{color:green}` +
      '[title="a&amp;b"]{top:0}' +
      '[title=other]{top:1px}';
    expect(reduced(css, html)).toBe(
      `[title='say "hi"']{color:red}[title="a&b"]{color:blue}[title="it's"]{color:green}`,
    );
  });

  it('reads class attributes in single quotes and without quotes', () => {
    expect(reduced('.a{color:red}.b{top:0}.zzz{top:1px}', `<p class='a'></p><p class=b></p>`)).toBe(
      '.a{color:red}.b{top:0}',
    );
  });
});

describe('criticalCss: custom properties and keyframes', () => {
  it('removes the custom properties nothing refers to and keeps those a kept declaration uses, directly or through another', () => {
    const css =
      ':root{--used:1px;--via:2px;--chain:var(--via);--fallback:3px;--unused:4px;--unused-chain:var(--unused)}' +
      '.a{margin:var(--used);padding:var(--chain);top:var(--none,var(--fallback))}';
    expect(reduced(css, '<p class="a"></p>')).toBe(
      ':root{--used:1px;--via:2px;--chain:var(--via);--fallback:3px}' +
        '.a{margin:var(--used);padding:var(--chain);top:var(--none,var(--fallback))}',
    );
  });

  it('removes a custom property only a dropped rule used, and a rule left with no declaration', () => {
    expect(reduced(':root{--c:1px}.zzz{color:var(--c)}', '<p class="a"></p>')).toBe('');
    expect(reduced('.a{--c:1px}.b{--d:2px;color:red}', '<p class="a b"></p>')).toBe('.b{color:red}');
  });

  it('keeps the custom properties a style attribute of the page refers to', () => {
    const css = ':root{--u:4px;--v:var(--w);--w:5px;--other:1px}';
    expect(reduced(css, '<div style="width:var(--u)"></div><p style=\'--x: var(--v)\'></p>')).toBe(
      ':root{--u:4px;--v:var(--w);--w:5px}',
    );
  });

  it('keeps the custom properties an inline <style> of the page refers to', () => {
    const css = ':root{--s:5px;--other:1px}';
    const html = '<style>.q{padding:var(--s)}</style><div class="q"></div>';
    expect(criticalCss(css, html)).toEqual({ css: ':root{--s:5px}', html });
  });

  it('removes the @keyframes no kept animation names and keeps the others', () => {
    const css =
      '@keyframes spin{to{rotate:1turn}}@keyframes fade{to{opacity:0}}@keyframes grow{to{scale:2}}' +
      '@-webkit-keyframes pulse{to{opacity:.5}}@keyframes only-dropped{to{top:0}}' +
      '.a{animation:spin 1s linear,grow 2s}.b{-webkit-animation-name:pulse}.zzz{animation:only-dropped 1s}';
    expect(reduced(css, '<p class="a b"></p>')).toBe(
      '@keyframes spin{to{rotate:1turn}}@keyframes grow{to{scale:2}}@-webkit-keyframes pulse{to{opacity:.5}}' +
        '.a{animation:spin 1s linear,grow 2s}.b{-webkit-animation-name:pulse}',
    );
  });

  it("reduces the page's own <style> elements to the custom properties used, and leaves the rest of the page as it was", () => {
    const css = '.a{color:var(--theme-used)}:root{--sheet-used:1px;--sheet-unused:2px}';
    const html =
      '<!doctype html>\n<html lang="fr">\n  <head>\n    <title>T</title>\n' +
      '    <style data-theme>\n:root {\n  --theme-used: blue;\n  --theme-unused: red;\n}\n</style>\n' +
      '    <style>.zzz { margin: var(--sheet-used); }\n.gone { --only-unused: 1px; }</style>\n' +
      '  </head>\n  <body><div class="a" style="top:0">x</div></body>\n</html>\n';
    const result = criticalCss(css, html);
    expect(result.css).toBe('.a{color:var(--theme-used)}:root{--sheet-used:1px}');
    // The <style> elements are reduced, not filtered by the markup: .zzz stays there.
    expect(result.html).toBe(
      '<!doctype html>\n<html lang="fr">\n  <head>\n    <title>T</title>\n' +
        '    <style data-theme>:root{--theme-used:blue}\n</style>\n' +
        '    <style>.zzz{margin:var(--sheet-used)}</style>\n' +
        '  </head>\n  <body><div class="a" style="top:0">x</div></body>\n</html>\n',
    );
  });

  it('returns the page unchanged when it has no <style> element', () => {
    const html = '<body><p class="a">Bonjour &amp; bienvenue</p></body>';
    expect(criticalCss('.a{color:red}', html).html).toBe(html);
  });
});

describe('criticalCss: harder cases', () => {
  it('keeps a selector whose :not() names an absent class beside a functional pseudo-class', () => {
    const html = '<p class="a"></p>';
    expect(reduced('.a:not(.absent:nth-child(2)){color:red}', html)).toBe(
      '.a:not(.absent:nth-child(2)){color:red}',
    );
  });

  it('keeps the @keyframes an animation names through a custom property', () => {
    const css = '@keyframes spin{to{rotate:1turn}}.a{--anim:spin;animation:var(--anim) 1s}';
    expect(reduced(css, '<p class="a"></p>')).toBe(css);
  });

  it('keeps the @keyframes a style attribute of the page animates with', () => {
    const css = '@keyframes spin{to{rotate:1turn}}';
    expect(reduced(css, '<div style="animation:spin 1s"></div>')).toBe(css);
  });

  it('keeps a rule whose class name has escaped brackets when the page has that class', () => {
    expect(reduced('.w-\\[10px\\]{width:10px}', '<div class="w-[10px]"></div>')).toBe(
      '.w-\\[10px\\]{width:10px}',
    );
  });

  it('leaves out an at-rule emptied by the removal of custom properties, however deep', () => {
    const css = '@supports (display:grid){@media print{:root{--unused:1px}}}.a{color:red}';
    expect(reduced(css, '<p class="a"></p>')).toBe('.a{color:red}');
  });
});

describe('deferStylesheet', () => {
  const page = [
    '<!doctype html>',
    '<html lang="fr">',
    '  <head>',
    '    <title>Relais</title>',
    '    <script type="module" crossorigin src="/assets/index-abc.js"></script>',
    '    <link rel="modulepreload" crossorigin href="/assets/boot-def.js">',
    '    <link rel="stylesheet" crossorigin href="/assets/index-xyz.css">',
    '  </head>',
    '  <body>',
    '    <div id="prerendered"><p class="a">Bonjour</p></div><div id="root" hidden></div>',
    '  </body>',
    '</html>',
    '',
  ].join('\n');
  // As web/vite.config.ts finds it in index.html: with the line break and indentation before it.
  const link = '\n    <link rel="stylesheet" crossorigin href="/assets/index-xyz.css">';

  it('puts the css inline where the link was, then the link for after the first paint, and moves the entry script to the end of the body', () => {
    expect(deferStylesheet(page, link, '.a{color:red}')).toBe(
      [
        '<!doctype html>',
        '<html lang="fr">',
        '  <head>',
        '    <title>Relais</title>',
        '    <link rel="modulepreload" crossorigin href="/assets/boot-def.js">',
        '    <style>.a{color:red}</style>',
        '    <link rel="stylesheet" crossorigin href="/assets/index-xyz.css" media="print" data-after-paint>',
        '  </head>',
        '  <body>',
        '    <div id="prerendered"><p class="a">Bonjour</p></div><div id="root" hidden></div>',
        '    <script type="module" crossorigin src="/assets/index-abc.js"></script>',
        '  </body>',
        '</html>',
        '',
      ].join('\n'),
    );
  });

  it('takes the link without its surrounding spaces too', () => {
    const out = deferStylesheet(page, link.trim(), '.a{color:red}');
    expect(out).toBe(deferStylesheet(page, link, '.a{color:red}'));
  });

  it('puts the css as it is, even where it has $ patterns of String.replace', () => {
    const out = deferStylesheet(page, link, `.a::after{content:"$& $' $1"}`);
    expect(out).toContain(`<style>.a::after{content:"$& $' $1"}</style>`);
  });

  it('leaves one script, after the markup, and nothing but the inline styles and links in the head', () => {
    const out = deferStylesheet(page, link, '');
    expect(out.match(/<script /g)).toHaveLength(1);
    expect(out.indexOf('<script ')).toBeGreaterThan(out.indexOf('<div id="root" hidden></div>'));
    expect(out.indexOf('<script ')).toBeLessThan(out.indexOf('</body>'));
    expect(out.slice(0, out.indexOf('</head>'))).not.toContain('<script');
    expect(out).not.toContain('<link rel="stylesheet" crossorigin href="/assets/index-xyz.css">');
  });

  it('throws when the link is not in the page', () => {
    expect(() => deferStylesheet(page, '<link rel="stylesheet" href="/other.css">', '')).toThrow(
      'critical-css: <link rel="stylesheet" href="/other.css"> is not in the page',
    );
  });

  it('throws when the page has no entry script', () => {
    const noScript = page.replace(
      '\n    <script type="module" crossorigin src="/assets/index-abc.js"></script>',
      '',
    );
    expect(noScript).not.toContain('<script');
    expect(() => deferStylesheet(noScript, link, '')).toThrow('critical-css: the page has no entry script');
  });

  it('throws when the page has no </body>', () => {
    expect(() => deferStylesheet(page.replace('</body>', ''), link, '')).toThrow(
      'critical-css: the page has no </body>',
    );
  });
});
