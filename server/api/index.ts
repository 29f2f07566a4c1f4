/** The `/api` plugin: session, access rule, CSRF, input and answer schemas, no-store, errors. */
export { decideAccess, describeAccess, STATE_CHANGING, type Access, type AccessDecision, type CsrfRule } from './access';
export { registerApi, routeRuleSummary, type ApiContext, type ApiOptions, type ApiScope, type RouteRule, type SessionLookup } from './plugin';
