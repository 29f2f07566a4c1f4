/** URLs of the editions' pages, shared by the plugin (routes) and the theme (links). */
export const REDLINE_ROUTE = '/redline';
export const EDITIONS_ROUTE = '/editions';
export const COMPARE_ROUTE = '/compare';
export const AT_ROUTE = '/at';
export const EDITION_TEXTS_DIR = 'edition-texts';

export const redlinePath = (code: string, from: string, to: string) => `${REDLINE_ROUTE}/${code}/${from}/${to}`;
export const editionPagePath = (name: string) => `${EDITIONS_ROUTE}/${name}`;
export const editionTextPath = (edition: string, code: string) => `/${EDITION_TEXTS_DIR}/${edition}/${code}.json`;
export const regulationPath = (edition: string, area: string, code: string) => `/regulations/${edition}/${area}/${code.toLowerCase()}`;
export const comparePath = (from: string, to: string, code?: string) =>
  `${COMPARE_ROUTE}?${code ? `code=${encodeURIComponent(code)}&` : ''}from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/**
 * An edition's name for reading: Persian digits, isolated left-to-right. Without the isolate
 * the bidi algorithm splits «۱۴۰۳-۰۷» at the hyphen in a Persian sentence and shows «۰۷-۱۴۰۳».
 */
export const editionLabel = (name: string) => `\u2066${name.replace(/[0-9]/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]!)}\u2069`;
