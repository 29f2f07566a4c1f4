/**
 * What the API tests of every area share: users with a known password, a signed-in caller's
 * headers (session cookie and CSRF token, as the browser sends them), the shape of an API
 * error, and a throw-away git repository of content for the editorial routes, which commit.
 * One place, so a change to sign-in or to the error shape is made once for all the tests.
 */
import { execFileSync } from 'node:child_process';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Role } from '../../src/api/roles';
import type { UserRow } from '../db/schema';
import { userRowFor } from '../accounts/users';

export const PERSIAN = /[\u0600-\u06FF]/;

export interface TestPerson {
  username: string;
  displayName: string;
  role: Role;
  company?: string | null;
}

/** Database rows for people who all sign in with `password` (hashed as the server hashes it). */
export function usersWithPassword(people: readonly TestPerson[], password: string): Promise<UserRow[]> {
  return Promise.all(people.map((p) => userRowFor({ ...p, company: p.company ?? null, password }, Date.now())));
}

/** The editorial team most editorial and feedback tests need, one of each role that matters there. */
export const EDITORIAL_TEAM = {
  zahra: { username: 'zahra.editor', displayName: 'زهرا رضایی', role: 'editor' },
  hamid: { username: 'hamid.editor', displayName: 'حمید نوری', role: 'editor' },
  leila: { username: 'leila.approver', displayName: 'لیلا محمدی', role: 'approver' },
  reza: { username: 'reza.approver', displayName: 'رضا حسینی', role: 'approver' },
  maryam: { username: 'maryam.staff', displayName: 'مریم احمدی', role: 'staff' },
  ali: { username: 'ali.contractor', displayName: 'علی کریمی', role: 'contractor', company: 'شرکت نور' },
  naser: { username: 'naser.supervisor', displayName: 'ناصر کاظمی', role: 'supervisor' },
  sara: { username: 'sara.admin', displayName: 'سارا امینی', role: 'admin' },
} as const satisfies Record<string, TestPerson>;

/** Signs in through the real route; the headers a signed-in browser sends on a state-changing request. */
export async function signedInHeaders(app: FastifyInstance, username: string, password: string): Promise<{ cookie: string; 'x-csrf-token': string }> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  expect(res.statusCode, `sign-in of ${username}: ${res.body}`).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'ayin_session');
  expect(cookie, `sign-in of ${username} set no session cookie`).toBeDefined();
  return { cookie: `ayin_session=${cookie!.value}`, 'x-csrf-token': (res.json() as { csrfToken: string }).csrfToken };
}

/**
 * An API refusal: the status, the machine-readable code, and a Persian message for the reader.
 * Returns the body, typed with what the route adds (`issues`, `problems`…), for the test to read on.
 */
export function expectApiError<Extra extends object = object>(res: LightMyRequestResponse, status: number, error: string): { error: string; message: string } & Extra {
  expect(res.statusCode, res.body).toBe(status);
  const body = res.json() as { error: string; message: string } & Extra;
  expect(body.error).toBe(error);
  expect(body.message).toMatch(PERSIAN);
  return body;
}

/** git in `root` as the seeding author (the commits the tests make name the editor instead). */
export const gitIn = (root: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=seed', '-c', 'user.email=seed@ayin.invalid', ...args], { cwd: root, encoding: 'utf8' }).trim();

/** Makes `root` a git repository whose one commit holds `paths`, as the content repository would be. */
export function seedGitRepository(root: string, paths: readonly string[]): void {
  gitIn(root, 'init', '--quiet', '--initial-branch=main');
  gitIn(root, 'add', ...paths);
  gitIn(root, 'commit', '--quiet', '-m', 'seed');
}
