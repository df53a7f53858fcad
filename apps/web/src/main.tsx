// FullCalendar 7 needs the Temporal API; the polyfill must load before anything uses it.
import 'temporal-polyfill/global';
import './shared/i18n/i18n';
import './shared/ui/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
