/** Where the editors' Keystatic bundle is served from (beside Keystatic's own `/keystatic/*` pages). */
export const KEYSTATIC_UI_BASE = '/keystatic-ui';
/** The bundle's files inside the site directory (`build/.keystatic/`), out of every audience's build. */
export const KEYSTATIC_UI_DIR = '.keystatic';
