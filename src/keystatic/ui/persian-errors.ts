/**
 * Keystatic shows a failed save as the raw text of the answer (`new Error(await res.text())`),
 * while Ayin's API answers `{error, message}`. This wraps `fetch` for `/api/keystatic/*` only,
 * so the editor reads the server's Persian sentence rather than JSON; the API stays as it is.
 */
export function persianKeystaticErrors(target: { fetch: typeof fetch }): void {
  const original = target.fetch.bind(target);
  target.fetch = async (input, init) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (response.ok || !new URL(url, window.location.href).pathname.startsWith('/api/keystatic/')) return response;
    const body = (await response.clone().json().catch(() => null)) as { message?: unknown } | null;
    if (!body || typeof body.message !== 'string') return response;
    return new Response(body.message, { status: response.status, statusText: response.statusText, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  };
}
