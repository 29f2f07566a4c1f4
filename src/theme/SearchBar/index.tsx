/**
 * The navbar search: results as you type (debounced), keyboard navigation (↑ ↓ Enter Esc,
 * «/» to focus), highlighted Persian snippets with clause breadcrumbs, and a link to the full
 * search page. Says so when it is searching offline.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useHistory } from '@docusaurus/router';
import Hit, { hitUrl } from '@site/src/components/Search/Hit';
import { search } from '@site/src/lib/search/client';
import { useSearchEditions } from '@site/src/lib/search/use-search-editions';
import type { SearchResponse } from '@site/src/lib/search/types';
import { queryMatcher } from '@site/src/search/highlight';
import { toPersianDigits } from '@site/src/domain/digits';
import styles from './styles.module.css';

const DEBOUNCE_MS = 150;
const SHOWN = 6;

export default function SearchBar(): ReactNode {
  const history = useHistory();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'error'; response?: SearchResponse }>({ status: 'idle' });
  // Regulations in the edition in force now; the full search page offers the others.
  const { inForce } = useSearchEditions();

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) && !target.isContentEditable) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    const timer = window.setTimeout(() => {
      setState((s) => ({ ...s, status: 'loading' }));
      search({ query, perPage: SHOWN, filters: inForce ? { edition: [inForce] } : {} })
        .then((response) => !cancelled && setState({ status: 'done', response }))
        .catch(() => !cancelled && setState({ status: 'error' }));
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [query, inForce]);

  const isMatch = useMemo(() => queryMatcher(query), [query]);
  const hits = state.response?.hits ?? [];
  const allResultsUrl = `/search?q=${encodeURIComponent(query.trim())}`;
  const options = hits.length + (query.trim() ? 1 : 0); // the hits, then «همه نتایج»
  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      setActive((a) => (options ? (a + (e.key === 'ArrowDown' ? 1 : options - 1)) % options : -1));
    } else if (e.key === 'Enter' && query.trim()) {
      e.preventDefault();
      history.push(active >= 0 && active < hits.length ? hitUrl(hits[active]!) : allResultsUrl);
      close();
      input.current?.blur();
    } else if (e.key === 'Escape') {
      close();
    }
  };

  const optionId = (i: number) => `${id}-option-${i}`;
  const showPanel = open && query.trim().length > 0;

  return (
    <div className={styles.search} role="search">
      <label htmlFor={`${id}-input`} className="sr-only">
        جست‌وجو در مقررات، دوره‌ها و ابلاغیه‌ها
      </label>
      <input
        ref={input}
        id={`${id}-input`}
        type="search"
        className={styles.input}
        placeholder="جست‌وجو (/)"
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={showPanel}
        aria-controls={`${id}-listbox`}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && active >= 0 ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => window.setTimeout(close, 150)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div className={styles.panel}>
          <p className={styles.status} aria-live="polite">
            {state.status === 'loading' && 'در حال جست‌وجو…'}
            {state.status === 'error' && 'جست‌وجو اکنون در دسترس نیست. لطفاً کمی بعد دوباره تلاش کنید.'}
            {state.status === 'done' && (state.response!.total === 0 ? 'نتیجه‌ای پیدا نشد.' : `${toPersianDigits(state.response!.total)} نتیجه`)}
            {state.status === 'done' && state.response!.offline && <span className={styles.offline}> · جست‌وجوی آفلاین</span>}
          </p>
          <ul id={`${id}-listbox`} role="listbox" aria-label="نتایج جست‌وجو" className={styles.list}>
            {hits.map((hit, i) => (
              <li key={hit.id} id={optionId(i)} role="option" aria-selected={i === active}>
                <Hit hit={hit} isMatch={isMatch} compact onNavigate={close} />
              </li>
            ))}
            <li id={optionId(hits.length)} role="option" aria-selected={active === hits.length} className={styles.all}>
              <a href={allResultsUrl} onClick={(e) => { e.preventDefault(); history.push(allResultsUrl); close(); }}>
                همه نتایج و پالایش آن‌ها ←
              </a>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}
