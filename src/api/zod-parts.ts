/**
 * The parts of zod the contract uses, named one by one. Re-exporting zod's whole namespace
 * (`import * as z from 'zod'; export { z }`) made the bundler keep all of zod on every page,
 * its sixty locales included: 340 KB of the main script that every reader downloaded and
 * parsed. Add a name here when the contract needs one more kind of schema.
 */
export {
  array,
  boolean,
  discriminatedUnion,
  enum,
  literal,
  looseObject,
  NEVER,
  number,
  object,
  record,
  registry,
  strictObject,
  string,
  undefined,
  union,
  unknown,
  ZodNever,
  ZodObject,
  ZodType,
} from 'zod';
export type { core, infer, input, output } from 'zod';
