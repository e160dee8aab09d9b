// The earmark workbench: one page per task, the state in the URL.
import { render } from 'preact';
import { CheckPage } from './CheckPage.js';
import { ChipPage } from './ChipPage.js';
import { ChipsPage } from './ChipsPage.js';
import { LedgerPage } from './LedgerPage.js';
import { MapPage } from './MapPage.js';
import { OperatorKey } from './OperatorKey.js';
import { href, useRoute } from './route.js';
import { ScreenPage } from './ScreenPage.js';
import { TimelinePage } from './TimelinePage.js';
import { txParams } from './tx.js';
import './styles.css';

const pages = [
  ['check', 'Check'],
  ['timeline', 'Timeline'],
  ['map', 'Map'],
  ['chips', 'Chips'],
  ['screen', 'Screen'],
  ['ledger', 'Ledger & audit'],
] as const;

function App() {
  const route = useRoute();
  // Check and Timeline share the transaction, so moving between them keeps it.
  const tx = txParams(route.params);
  const linkParams = (page: string) => (page === 'check' || page === 'timeline') && (route.page === 'check' || route.page === 'timeline') ? { ...tx, ...(page === 'timeline' ? { date: undefined } : {}) } : undefined;
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header>
        <a class="brand" href={href('check')}>earmark</a>
        <nav aria-label="Pages">
          {pages.map(([id, label]) => (
            <a key={id} href={href(id, linkParams(id))} aria-current={route.page === id ? 'page' : undefined}>{label}</a>
          ))}
        </nav>
        <OperatorKey />
      </header>
      <main id="main" tabIndex={-1}>
        {route.page === 'check' && <CheckPage route={route} />}
        {route.page === 'timeline' && <TimelinePage route={route} />}
        {route.page === 'map' && <MapPage route={route} />}
        {route.page === 'chips' && (route.rest ? <ChipPage id={route.rest} /> : <ChipsPage route={route} />)}
        {route.page === 'screen' && <ScreenPage route={route} />}
        {route.page === 'ledger' && <LedgerPage route={route} />}
        {!pages.some(([id]) => id === route.page) && <p class="error" role="alert">No page “{route.page}”. <a href={href('check')}>Go to Check</a>.</p>}
      </main>
      <footer>US export controls on AI chips as code. Not legal advice: every finding cites its 15 CFR source and confidence.</footer>
    </>
  );
}

render(<App />, document.getElementById('app')!);
