/**
 * Every migration, by name, in order. Listed here rather than read from the folder at run
 * time so they load the same under tsx, vitest and any bundler; a test checks that each
 * `NNN-name.ts` file in this folder is listed.
 */
import type { Migration } from 'kysely';
import * as m001 from './001-accounts';
import * as m002 from './002-training';
import * as m003 from './003-seminars';
import * as m004 from './004-audit';
import * as m005 from './005-organisations';
import * as m006 from './006-editorial';
import * as m007 from './007-training-currency';
import * as m008 from './008-acknowledgments';
import * as m009 from './009-feedback';
import * as m010 from './010-refreshers';
import * as m011 from './011-notification-addresses';
import * as m012 from './012-surveys';
import * as m013 from './013-reacknowledgments';
import * as m015 from './015-xapi-outbox';
import * as m016 from './016-survey-organisation';

export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '001-accounts': m001,
  '002-training': m002,
  '003-seminars': m003,
  '004-audit': m004,
  '005-organisations': m005,
  '006-editorial': m006,
  '007-training-currency': m007,
  '008-acknowledgments': m008,
  '009-feedback': m009,
  '010-refreshers': m010,
  '011-notification-addresses': m011,
  '012-surveys': m012,
  '013-reacknowledgments': m013,
  '015-xapi-outbox': m015,
  '016-survey-organisation': m016,
};
