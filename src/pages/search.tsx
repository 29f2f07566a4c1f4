/**
 * `/search`: full results with facets (area, type, authority, audience for staff, edition,
 * kind), filters and page kept in the URL so a search can be shared, pagination, and help
 * when nothing is found (remove a filter, glossary matches). Regulations are searched in the
 * edition in force today unless the URL names editions (`?edition=1403-07`, `?edition=all`).
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import Link from '@docusaurus/Link';
import { useHistory, useLocation } from '@docusaurus/router';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import Hit, { KIND_LABELS } from '@site/src/components/Search/Hit';
import { toPersianDigits } from '@site/src/domain/digits';
import { reportZeroResults, search } from '@site/src/lib/search/client';
import type { SearchResponse } from '@site/src/lib/search/types';
import { useSearchEditions } from '@site/src/lib/search/use-search-editions';
import { useAyinData, useTermTitle } from '@site/src/lib/useAyinData';
import { ALL_EDITIONS, editionSelection, toggleEdition } from '@site/src/search/editions';
import { FACETS, sanitizeFilters, type Facet, type Filters } from '@site/src/search/filters';
import { queryMatcher } from '@site/src/search/highlight';
import styles from './search.module.css';

const PER_PAGE = 10;
const FACET_LABELS: Record<Facet, string> = {
  kind: 'نوع محتوا',
  area: 'حوزه',
  type: 'نوع سند',
  authority: 'مرجع صدور',
  audience: 'مخاطب',
  edition: 'ویرایش',
};

function readUrl(search: string, allowed: Parameters<typeof sanitizeFilters>[1]) {
  const params = new URLSearchParams(search);
  const raw = Object.fromEntries(FACETS.map((f) => [f, params.getAll(f)]));
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return { query: (params.get('q') ?? '').slice(0, 200), filters: sanitizeFilters(raw, allowed), page: Number.isFinite(page) && page > 0 ? page : 1 };
}

function writeUrl(query: string, filters: Filters, page: number): string {
  const params = new URLSearchParams();
  if (query) params.set('q', query);
  for (const facet of FACETS) for (const v of filters[facet] ?? []) params.append(facet, v);
  if (page > 1) params.set('page', String(page));
  return `/search?${params.toString()}`;
}

export default function SearchPage(): ReactNode {
  const location = useLocation();
  const history = useHistory();
  const { taxonomy } = useAyinData();
  const term = useTermTitle();
  const editions = useSearchEditions();
  const allowed = useMemo(
    () => ({
      kind: Object.keys(KIND_LABELS),
      area: taxonomy.areas.map((a) => a.id),
      type: taxonomy['document-types'].map((t) => t.id),
      authority: taxonomy.authorities.map((t) => t.id),
      audience: taxonomy.audiences.map((t) => t.id),
      edition: [ALL_EDITIONS, ...editions.names],
    }),
    [taxonomy, editions.names],
  );
  const { query, filters, page } = readUrl(location.search, allowed);
  // What the query searches: the URL's editions, else the edition in force now (undefined: all).
  const searchedEditions = editionSelection(filters.edition, editions.inForce);
  const searched: Filters = { ...filters, edition: searchedEditions };
  if (!searchedEditions) delete searched.edition;
  const [draft, setDraft] = useState(query);
  const [state, setState] = useState<{ status: 'idle' | 'loading' | 'done' | 'error'; response?: SearchResponse }>({ status: 'idle' });
  const filtersKey = JSON.stringify(searched);

  useEffect(() => setDraft(query), [query]);

  useEffect(() => {
    if (!query.trim()) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, status: 'loading' }));
    search({ query, filters: searched, page, perPage: PER_PAGE, facets: true })
      .then((response) => {
        if (cancelled) return;
        setState({ status: 'done', response });
        if (response.total === 0) reportZeroResults(query, searched);
      })
      .catch(() => !cancelled && setState({ status: 'error' }));
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, filtersKey, page]);

  const go = (q: string, f: Filters, p = 1) => history.push(writeUrl(q.trim(), f, p));
  const toggle = (facet: Facet, value: string) => {
    if (facet === 'edition') return go(query, { ...filters, edition: toggleEdition(searchedEditions, value, editions.inForce) }, 1);
    const current = filters[facet] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    go(query, { ...filters, [facet]: next }, 1);
  };
  const label = (facet: Facet, value: string): string => {
    if (facet === 'kind') return KIND_LABELS[value] ?? value;
    if (facet === 'edition') return value === ALL_EDITIONS ? 'همه ویرایش‌ها' : editions.label(value)?.text ?? `ویرایش ${toPersianDigits(value)}`;
    const kind = ({ area: 'areas', type: 'document-types', authority: 'authorities', audience: 'audiences' } as const)[facet];
    return term(kind, value);
  };

  const response = state.response;
  const isMatch = useMemo(() => queryMatcher(query), [query]);
  const pages = response ? Math.ceil(Math.min(response.total, 1000) / PER_PAGE) : 0;
  const activeFilters = FACETS.flatMap((f) => (filters[f] ?? []).map((v) => [f, v] as const));

  return (
    <Layout title={query ? `جست‌وجو: ${query}` : 'جست‌وجو'} description="جست‌وجو در مقررات، دوره‌ها، ابلاغیه‌ها و واژه‌نامه">
      <main className="container margin-vert--lg">
        <Heading as="h1">جست‌وجو</Heading>
        <form
          role="search"
          className={styles.form}
          onSubmit={(e) => {
            e.preventDefault();
            go(draft, filters, 1);
          }}
        >
          <label htmlFor="search-page-input" className="sr-only">عبارت جست‌وجو</label>
          <input id="search-page-input" type="search" value={draft} maxLength={200} onChange={(e) => setDraft(e.target.value)} placeholder="مثلاً مهلت رسیدگی به شکایت صورتحساب" />
          <button type="submit" className="button button--primary">جست‌وجو</button>
        </form>

        <div className={styles.layout}>
          <aside className={styles.facets} aria-label="پالایش نتایج">
            {response &&
              FACETS.filter((f) => f !== 'audience' || response.audience === 'staff').map((facet) => {
                const counts = response.facets[facet] ?? {};
                if (facet === 'edition') {
                  return editions.names.length ? (
                    <EditionFacet key={facet} names={editions.names} searched={searchedEditions} counts={counts} label={(v) => label('edition', v)} onToggle={(v) => toggle('edition', v)} />
                  ) : null;
                }
                const values = [...new Set([...Object.keys(counts), ...(filters[facet] ?? [])])];
                if (!values.length) return null;
                return (
                  <fieldset key={facet} className={styles.facet}>
                    <legend>{FACET_LABELS[facet]}</legend>
                    {values.map((value) => (
                      <label key={value} className={styles.option}>
                        <input type="checkbox" checked={filters[facet]?.includes(value) ?? false} onChange={() => toggle(facet, value)} />
                        {label(facet, value)} <span className={styles.count}>({toPersianDigits(counts[value] ?? 0)})</span>
                      </label>
                    ))}
                  </fieldset>
                );
              })}
          </aside>

          <section className={styles.results} aria-label="نتایج" aria-busy={state.status === 'loading'}>
            {state.status === 'idle' && <p>عبارتی بنویسید: واژه، پرسش، کد مقرره (مانند <bdi className="ayin-code">CS-002</bdi>) یا شماره ماده.</p>}
            {state.status === 'error' && <p role="alert">جست‌وجو اکنون در دسترس نیست. لطفاً کمی بعد دوباره تلاش کنید.</p>}
            {response && (
              <p className={styles.summary} aria-live="polite">
                {response.total === 0 ? 'نتیجه‌ای پیدا نشد.' : `${toPersianDigits(response.total)} نتیجه برای «${query}»`}
                {searchedEditions?.length === 1 && editions.names.length > 0 && <span> · در {label('edition', searchedEditions[0]!)}</span>}
                {response.offline && <span className={styles.offline}> · جست‌وجوی آفلاین (کارساز جست‌وجو در دسترس نیست)</span>}
              </p>
            )}
            {activeFilters.length > 0 && (
              <p className={styles.active}>
                پالایه‌ها:{' '}
                {activeFilters.map(([f, v]) => (
                  <button key={`${f}:${v}`} type="button" className={styles.chip} onClick={() => (f === 'edition' ? go(query, { ...filters, edition: [] }, 1) : toggle(f, v))} aria-label={`حذف پالایه ${label(f, v)}`}>
                    {label(f, v)} ×
                  </button>
                ))}
              </p>
            )}
            {response && response.total === 0 && (
              <div className={styles.help}>
                <p>پیشنهادها:</p>
                <ul>
                  {activeFilters.length > 0 && (
                    <li>
                      <Link to={writeUrl(query, {}, 1)}>بدون پالایه‌ها جست‌وجو کنید</Link>.
                    </li>
                  )}
                  {searchedEditions && editions.names.length > 1 && (
                    <li>
                      <Link to={writeUrl(query, { ...filters, edition: [ALL_EDITIONS] }, 1)}>در همه ویرایش‌ها جست‌وجو کنید</Link>؛ شاید موضوع در ویرایش‌های پیشین یا آینده آمده باشد.
                    </li>
                  )}
                  <li>واژه‌های کمتر یا کلی‌تری بنویسید؛ مثلاً «شکایت صورتحساب» به جای یک جمله کامل.</li>
                  <li>
                    هم‌معناها را امتحان کنید (کنتور / لوازم اندازه‌گیری، قبض / صورتحساب)؛ <Link to="/glossary">واژه‌نامه</Link> را ببینید.
                  </li>
                </ul>
                <GlossaryMatches query={query} />
              </div>
            )}
            {response && response.hits.length > 0 && (
              <ol className={styles.list} start={(page - 1) * PER_PAGE + 1}>
                {response.hits.map((hit) => (
                  <li key={hit.id}>
                    <Hit hit={hit} isMatch={isMatch} />
                  </li>
                ))}
              </ol>
            )}
            {pages > 1 && (
              <nav className="pagination-nav" aria-label="صفحه‌های نتایج">
                <ul className="pagination">
                  {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
                    <li key={p} className={`pagination__item${p === page ? ' pagination__item--active' : ''}`}>
                      <Link className="pagination__link" to={writeUrl(query, filters, p)} aria-current={p === page ? 'page' : undefined}>
                        {toPersianDigits(p)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
          </section>
        </div>
      </main>
    </Layout>
  );
}

/**
 * The edition facet: every published edition, newest first, by name and status today
 * («ویرایش ۱۴۰۳-۰۷ — منسوخ»), and «همه ویرایش‌ها».
 */
function EditionFacet({ names, searched, counts, label, onToggle }: {
  names: readonly string[];
  searched: readonly string[] | undefined;
  counts: Record<string, number>;
  label: (value: string) => string;
  onToggle: (value: string) => void;
}): ReactNode {
  return (
    <fieldset className={styles.facet} data-facet="edition">
      <legend>ویرایش مقررات</legend>
      {names.map((name) => (
        <label key={name} className={styles.option}>
          <input type="checkbox" value={name} checked={searched?.includes(name) ?? false} onChange={() => onToggle(name)} />
          {label(name)}
          {counts[name] !== undefined && <span className={styles.count}> ({toPersianDigits(counts[name])})</span>}
        </label>
      ))}
      <label className={styles.option}>
        <input type="checkbox" value={ALL_EDITIONS} checked={searched === undefined} onChange={() => onToggle(ALL_EDITIONS)} />
        {label(ALL_EDITIONS)}
      </label>
    </fieldset>
  );
}

/** When nothing is found, the glossary entries the query's words appear in (they name the usual terms). */
function GlossaryMatches({ query }: { query: string }): ReactNode {
  const [hits, setHits] = useState<SearchResponse['hits']>([]);
  useEffect(() => {
    let cancelled = false;
    const words = query.split(/\s+/).filter(Boolean);
    Promise.all(words.map((w) => search({ query: w, filters: { kind: ['glossary'] }, perPage: 3 })))
      .then((responses) => {
        if (cancelled) return;
        const seen = new Map(responses.flatMap((r) => r.hits).map((h) => [h.id, h]));
        setHits([...seen.values()].slice(0, 5));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [query]);
  if (!hits.length) return null;
  return (
    <>
      <p>در واژه‌نامه:</p>
      <ul>
        {hits.map((h) => (
          <li key={h.id}>
            <Link to={`/glossary#${h.anchor}`}>{h.title}</Link>: {h.content.slice(0, 120)}
          </li>
        ))}
      </ul>
    </>
  );
}
