import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.js';
import { LangProvider } from './i18n/i18n.js';
import { RouterProvider } from './router/router.js';
import { SessionProvider } from './session/session.js';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LangProvider>
      <SessionProvider>
        <RouterProvider>
          <App />
        </RouterProvider>
      </SessionProvider>
    </LangProvider>
  </StrictMode>,
);
