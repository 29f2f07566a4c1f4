import type * as Preset from '@docusaurus/preset-classic';
import type { Config } from '@docusaurus/types';
import { themes as prismThemes } from 'prism-react-renderer';
import { datePublishedAnnouncements } from './plugins/announcements/process-posts';
import remarkRegulations from './plugins/remark-regulations/index';
import { keepToAudience } from './plugins/audience/front-matter';
import { buildAudience, inBuild, type BuildOptions } from './src/content/build-audience';
import { buildToday, editionForDate, listedRegulations } from './src/content/editions';
import { getCorpus } from './src/content/index';
import { toPersianDigits } from './src/domain/digits';
import { TRUNCATE_MARKER_PATTERN } from './src/content/truncate-marker';

const siteDir = __dirname;
const siteUrl = process.env.SITE_URL ?? 'http://127.0.0.1:3000';
const corpus = getCorpus(siteDir);
// One build per audience (build/<audience>/), served by the reader's role: see build-audience.ts.
const audience = buildAudience();
const today = buildToday();
// Read once here and handed to every Ayin plugin as its options (src/content/build-audience.ts).
const build: BuildOptions = { audience, today };
const listedEdition = editionForDate(corpus, today);
const regulationsBase = listedEdition ? `/regulations/${listedEdition.name}` : '/regulations';
// Courses are for contractors and staff; a build whose readers have none leaves the instance out.
const visibleCourses = corpus.courses.filter(({ course }) => inBuild(audience, course.audience));
const populatedAreas = corpus.taxonomy.areas.filter((area) =>
  [...listedRegulations(corpus, today).values()].some((r) => r.area === area.id && inBuild(audience, r.frontMatter.audience)),
);

/**
 * Editions are Docusaurus versions, each at a stable path of its own name (`/regulations/1404-09/…`,
 * never moved when a newer edition takes effect); the server sends unversioned paths to the
 * edition in force on the day of the request. `docs/`, the next edition, is in editors' builds only.
 */
const editionNames = corpus.editions.map((e) => e.name);
const editionOptions = listedEdition
  ? {
      lastVersion: listedEdition.name,
      includeCurrentVersion: audience === 'editor',
      onlyIncludeVersions: audience === 'editor' ? ['current', ...editionNames] : editionNames,
      versions: {
        ...(audience === 'editor' ? { current: { label: 'پیش‌نویس ویرایش بعد', path: 'next', banner: 'none' as const, noIndex: true } } : {}),
        ...Object.fromEntries(editionNames.map((name) => [name, { label: `ویرایش \u2066${toPersianDigits(name)}\u2069`, path: name, banner: 'none' as const }])),
      },
    }
  : {};

const config: Config = {
  title: 'آیین',
  tagline: 'پایگاه دانش مقررات و سامانه آموزش خدمات مشترکین',
  favicon: 'img/favicon.svg',
  url: siteUrl,
  baseUrl: '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  noIndex: true,

  // Vazirmatn from its npm package, Persian/Arabic glyphs only (48 KB variable font; Latin
  // runs fall back to the system font). It is preloaded and declared in the head so the text
  // is drawn once, in the right font, instead of shifting when a late font arrives.
  staticDirectories: ['static', 'node_modules/vazirmatn/misc/Non-Latin/fonts/webfonts'],
  headTags: [
    // Which build this is: the public build is only ever served to visitors who have not signed
    // in, so its pages need not ask the server who the reader is (src/lib/api.ts).
    { tagName: 'meta', attributes: { name: 'ayin-build', content: audience } },
    {
      tagName: 'link',
      attributes: { rel: 'preload', href: '/Vazirmatn-NL%5Bwght%5D.woff2', as: 'font', type: 'font/woff2', crossorigin: 'anonymous' },
    },
    {
      tagName: 'style',
      attributes: {},
      innerHTML:
        "@font-face{font-family:'Vazirmatn';src:url('/Vazirmatn-NL%5Bwght%5D.woff2') format('woff2');font-weight:100 900;font-style:normal;font-display:swap;unicode-range:U+0600-06FF,U+0750-077F,U+08A0-08FF,U+200C-200F,U+FB50-FDFF,U+FE70-FEFF}",
    },
  ],

  future: { v4: true, faster: true },

  i18n: {
    defaultLocale: 'fa',
    locales: ['fa'],
    localeConfigs: { fa: { label: 'فارسی', direction: 'rtl', htmlLang: 'fa-IR', calendar: 'persian' } },
  },

  markdown: {
    format: 'mdx',
    hooks: { onBrokenMarkdownLinks: 'throw', onBrokenMarkdownImages: 'throw' },
    parseFrontMatter: keepToAudience(siteDir, audience),
  },

  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: 'regulations',
          sidebarPath: './sidebars.ts',
          breadcrumbs: true,
          beforeDefaultRemarkPlugins: [[remarkRegulations, { ...build, siteDir, links: 'file', clauses: true }]],
          ...editionOptions,
        },
        blog: {
          path: 'announcements',
          routeBasePath: 'announcements',
          blogTitle: 'ابلاغیه‌ها',
          blogDescription: 'ابلاغ مقررات و دستورالعمل‌های جدید خدمات مشترکین',
          blogSidebarTitle: 'ابلاغیه‌های اخیر',
          blogSidebarCount: 10,
          postsPerPage: 10,
          showReadingTime: false,
          onInlineAuthors: 'ignore',
          onInlineTags: 'ignore',
          // `<Truncate />`, which Keystatic can open (src/content/truncate-marker.ts).
          truncateMarker: TRUNCATE_MARKER_PATTERN,
          onUntruncatedBlogPosts: 'throw',
          processBlogPosts: datePublishedAnnouncements,
          beforeDefaultRemarkPlugins: [[remarkRegulations, { ...build, siteDir, links: 'url', clauses: false }]],
          feedOptions: {
            type: ['rss', 'atom'],
            title: 'ابلاغیه‌های آیین',
            description: 'ابلاغ مقررات و دستورالعمل‌های جدید خدمات مشترکین',
            language: 'fa',
            copyright: 'شرکت توزیع نیروی برق — محتوای نمونه',
          },
        },
        theme: {
          customCss: ['./src/css/custom.css'],
        },
        sitemap: false,
      } satisfies Preset.Options,
    ],
  ],

  clientModules: ['./src/client/cite.ts'],

  plugins: [
    ['./plugins/ayin-content/index.ts', build],
    ['./plugins/search-index/index.ts', build],
    ['./plugins/seminars/index.ts', build],
    './plugins/training-pages/index.ts',
    ['./plugins/editions/index.ts', build],
    './plugins/plain-code/index.ts',
    visibleCourses.length > 0 && [
      '@docusaurus/plugin-content-docs',
      {
        id: 'courses',
        path: 'courses',
        routeBasePath: 'courses',
        sidebarPath: './sidebars-courses.ts',
        breadcrumbs: true,
        beforeDefaultRemarkPlugins: [[remarkRegulations, { ...build, siteDir, links: 'url', clauses: false }]],
      },
    ],
  ],

  themeConfig: {
    metadata: [{ name: 'theme-color', content: '#0b5d7a' }],
    colorMode: { respectPrefersColorScheme: true },
    docs: { sidebar: { hideable: true } },
    navbar: {
      title: 'آیین',
      logo: { alt: 'نشان آیین', src: 'img/logo.svg', width: 32, height: 32 },
      items: [
        { type: 'docSidebar', sidebarId: 'regulations', position: 'right', label: 'مقررات' },
        ...(visibleCourses.length ? [{ type: 'docSidebar', sidebarId: 'courses', docsPluginId: 'courses', position: 'right' as const, label: 'دوره‌های آموزشی' }] : []),
        { to: '/announcements', label: 'ابلاغیه‌ها', position: 'right' },
        { to: '/glossary', label: 'واژه‌نامه', position: 'right' },
        { to: '/seminars', label: 'سمینارها', position: 'right' },
        { to: '/editing-guide', label: 'راهنمای ویراستاران', position: 'left' },
        // Sign-in and the signed-in user's pages (src/theme/NavbarItem/ComponentTypes.tsx).
        { type: 'custom-account', position: 'left' },
      ],
    },
    footer: {
      style: 'dark',
      links: [
        {
          title: 'مقررات',
          items: [
            ...populatedAreas.map((area) => ({ label: area.title, to: `${regulationsBase}/${area.id}` })),
            { label: 'واژه‌نامه', to: '/glossary' },
            { label: 'سمینارها', to: '/seminars' },
          ],
        },
        ...(visibleCourses.length ? [{ title: 'آموزش', items: visibleCourses.map(({ id, course }) => ({ label: course.title, to: `/courses/${id}` })) }] : []),
        {
          title: 'ابلاغیه‌ها',
          items: [
            { label: 'آخرین ابلاغیه‌ها', to: '/announcements' },
            { label: 'خوراک RSS', href: 'pathname:///announcements/rss.xml' },
            { label: 'خوراک Atom', href: 'pathname:///announcements/atom.xml' },
          ],
        },
      ],
      copyright: 'آیین — معاونت خدمات مشترکین. همه متن‌های این نسخه نمونه‌اند و اعتبار قانونی ندارند.',
    },
    prism: { theme: prismThemes.github, darkTheme: prismThemes.dracula },
  } satisfies Preset.ThemeConfig,
};

export default config;
