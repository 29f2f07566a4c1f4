/**
 * The page a reader gets while their audience's build is still being made (or failed to be):
 * self-contained (no build's stylesheet or font exists for it yet), Persian, right-to-left,
 * and it asks again by itself — a meta refresh, since the CSP allows no inline script.
 */
const MESSAGES = {
  building: {
    title: 'در حال آماده‌سازی',
    body: 'نسخهٔ سایت ویژهٔ نقش شما در حال ساخته‌شدن است و تا چند دقیقهٔ دیگر آماده می‌شود. این صفحه خودبه‌خود دوباره بارگذاری می‌شود.',
  },
  failed: {
    title: 'آماده‌سازی ناتمام ماند',
    body: 'ساختن نسخهٔ سایت ویژهٔ نقش شما با خطا روبه‌رو شد. لطفاً به مدیر سامانه اطلاع دهید؛ این صفحه هر چند ثانیه دوباره بررسی می‌شود.',
  },
} as const;

export function preparingPage(state: keyof typeof MESSAGES): string {
  const { title, body } = MESSAGES[state];
  return `<!doctype html>
<html lang="fa" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="15">
<title>${title} | آیین</title>
<style>
  body { margin: 0; min-block-size: 100vh; display: grid; place-items: center; font-family: Vazirmatn, Tahoma, sans-serif; background: #f5f6f7; color: #1c1e21; line-height: 1.9; }
  main { max-inline-size: 32rem; margin: 1.5rem; padding: 2rem; background: #fff; border-radius: 0.75rem; box-shadow: 0 1px 4px rgb(0 0 0 / 12%); }
  h1 { margin-block-start: 0; font-size: 1.4rem; }
  @media (prefers-color-scheme: dark) { body { background: #1b1b1d; color: #e3e3e3; } main { background: #242526; } }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
<p>${body}</p>
</main>
</body>
</html>
`;
}
