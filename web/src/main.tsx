import './app/mantine.first-paint.css';
import { requestEarly } from './app/early.ts';
import { afterPrerenderedPaint, applyDeferredStylesheets, watchPrerendered } from './app/prerendered.ts';

const root = document.getElementById('root');
if (root) {
  watchPrerendered();
  requestEarly(window.location.pathname);
  // Evaluating the app's code holds the main thread for a few hundred milliseconds on a slow device: a page the
  // server sent already rendered (the sign-in page, the home page) is painted first. Elsewhere the app starts at once.
  await afterPrerenderedPaint();
  // Mantine's other styles first: their <link> must come before those of the app's own stylesheets.
  const [, , { boot }] = await Promise.all([
    applyDeferredStylesheets(),
    import('./app/mantine.rest.css'),
    import('./app/boot.tsx'),
  ]);
  await boot(root);
}
