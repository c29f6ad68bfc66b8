import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n.ts';
import { App, startLoading } from './App.tsx';

/** Starts the app in #root; main.tsx imports this module dynamically (see there why). */
export async function boot(root: HTMLElement): Promise<void> {
  startLoading();
  await initI18n();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
