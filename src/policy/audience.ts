/**
 * The one audience policy: who is served which build, and who may read what. Every place that
 * decides it — the per-audience builds (front matter, search index), the server (pages,
 * seminars, training), and the Meilisearch tenant tokens — asks this module, so the rule is
 * written once. Deny by default: an item that names no audience is read by nobody, a role the
 * policy does not know reads what a visitor reads, and nothing here trusts the browser (the
 * reader is the server's session, or "no session").
 *
 * Pure: no framework, no environment. The visitor audience (`AYIN_AUDIENCE`) is read once by
 * the server's configuration and passed in.
 */

/** What a text can be written for (front matter `audience`), narrowest last. */
export const AUDIENCES = ['staff', 'contractor', 'public'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** The site builds (`build/<audience>/`); `editor` is the staff build plus the next edition. */
export const BUILD_AUDIENCES = ['public', 'contractor', 'staff', 'editor'] as const;
export type BuildAudience = (typeof BUILD_AUDIENCES)[number];

export function isAudience(value: unknown): value is Audience {
  return typeof value === 'string' && (AUDIENCES as readonly string[]).includes(value);
}

export function isBuildAudience(value: unknown): value is BuildAudience {
  return typeof value === 'string' && (BUILD_AUDIENCES as readonly string[]).includes(value);
}

const VISIBLE: Readonly<Record<Audience, readonly Audience[]>> = {
  staff: ['staff', 'contractor', 'public'],
  contractor: ['contractor', 'public'],
  public: ['public'],
};

/**
 * The build each role is served. Contractors read contractor and public texts; every company
 * role reads everything; editors and approvers also the edition being prepared. A role missing
 * here (a new one added to the accounts but not to the policy) falls to the visitor's least.
 */
export const BUILD_OF_ROLE: Readonly<Record<string, BuildAudience>> = {
  staff: 'staff',
  contractor: 'contractor',
  editor: 'editor',
  approver: 'editor',
  supervisor: 'staff',
  admin: 'staff',
};

/** A reader as the server knows them: a signed-in user's role, or `null` for no session. */
export type Reader = { readonly role: string } | null;

export function visibleAudiences(audience: Audience): readonly Audience[] {
  return VISIBLE[audience];
}

/** The reading audience of a build: editors read what staff read (plus drafts). */
export function readingAudience(build: BuildAudience): Audience {
  return build === 'editor' ? 'staff' : build;
}

/**
 * Whether readers of `audience` may read an item written for `itemAudience`. An item with no
 * audience (missing, empty, or not a list) is read by nobody: forgetting to say who a text is
 * for must never publish it to everyone.
 */
export function canSee(audience: Audience, itemAudience: readonly string[] | undefined | null): boolean {
  if (!Array.isArray(itemAudience) || itemAudience.length === 0) return false;
  const visible = VISIBLE[audience] as readonly string[];
  return itemAudience.some((a) => visible.includes(a));
}

/** Whether a text for `itemAudience` belongs in `build`. */
export function inBuild(build: BuildAudience, itemAudience: readonly string[] | undefined | null): boolean {
  return canSee(readingAudience(build), itemAudience);
}

/** The Meilisearch filter of an audience's tenant token (null: no restriction, staff only). */
export function audienceFilter(audience: Audience): string | null {
  if (audience === 'staff') return null;
  return `audience IN [${VISIBLE[audience].join(', ')}]`;
}

export interface AudiencePolicy {
  /** Whom a visitor without a session is served (`AYIN_AUDIENCE`, default `public`). */
  readonly visitorAudience: Audience;
  /** The build that serves `reader`. */
  buildFor(reader: Reader): BuildAudience;
  /** What `reader` may read (the reading audience of their build). */
  audienceOf(reader: Reader): Audience;
  /** May `reader` read an item written for `itemAudience`? */
  mayRead(reader: Reader, itemAudience: readonly string[] | undefined | null): boolean;
}

export function createAudiencePolicy({ visitorAudience = 'public' }: { visitorAudience?: Audience } = {}): AudiencePolicy {
  if (!isAudience(visitorAudience)) throw new Error(`visitor audience must be one of ${AUDIENCES.join(', ')}; got "${String(visitorAudience)}"`);
  const buildFor = (reader: Reader): BuildAudience => {
    if (!reader) return visitorAudience;
    return Object.hasOwn(BUILD_OF_ROLE, reader.role) ? BUILD_OF_ROLE[reader.role]! : 'public';
  };
  const audienceOf = (reader: Reader) => readingAudience(buildFor(reader));
  return {
    visitorAudience,
    buildFor,
    audienceOf,
    mayRead: (reader, itemAudience) => canSee(audienceOf(reader), itemAudience),
  };
}
