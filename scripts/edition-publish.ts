/**
 * `npm run edition:publish -- --name 1404-09 --effective 1404/09/01 --notification "۱۴۰۴/ن/۳۱۲۰" --summary "…"`:
 * publishes docs/ as a new edition (scripts/lib/editions/publish.ts), then re-indexes search
 * when it is configured.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildToday } from '../src/content/editions';
import { formatJalaliIso } from '../src/domain/jalali';
import { describePlan, formatPublishProblem, planPublication, publishEdition, PublishRefused } from './lib/editions/publish';
import { reindexAfterPublishing } from './lib/editions/reindex';

const HELP = `Usage: npm run edition:publish -- --effective 1404/09/01 --notification "۱۴۰۴/ن/۳۱۲۰" --summary "…" [options]

Publishes docs/ (the next edition being prepared) as a new edition: checks all content, that every
changed text is approved and that no link breaks in the new edition; then writes the snapshot
(versioned_docs/version-<name>/), its sidebars, versions.json, the entry in content/editions.yml,
the announcement (announcements/<notification date>-edition-<name>.mdx) and the new in-force date
and notification of every added or amended text (in the snapshot and in docs/). All or nothing:
on any problem it prints every one (file:line: field: message) and changes nothing.

Options:
  --name NAME                 edition name, the effective date's year and month (1404-09); default: from --effective
  --effective DATE            Jalali date the edition takes effect (1404/09/01); after the previous edition's
  --notification NUMBER       notification (ابلاغیه) number
  --notification-date DATE    Jalali date of the notification, not after --effective; default: today in Tehran
  --summary TEXT              one-paragraph Persian summary of the edition
  --leave-out CODE            (repeatable) publish without docs/' changes to CODE: a new text stays in docs/ only,
                              an amended one keeps its published wording. A changed text in draft or review refuses
                              the publication unless it is left out this way.
  --dry-run                   print the plan and the problems; write nothing
  --site DIR                  the site (default: this repository)
  --help

A text whose body did not change (front matter only) is not amended. A text leaves the edition as
repealed when docs/ marks it "status: repealed" or no longer has its file, as superseded when a new
or amended text names it in "supersedes". After publishing: search is re-indexed when MEILI_HOST is
set or the bundled Meilisearch (data/meili) is running; then rebuild the site (npm run build).`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        name: { type: 'string' },
        effective: { type: 'string' },
        notification: { type: 'string' },
        'notification-date': { type: 'string' },
        summary: { type: 'string' },
        'leave-out': { type: 'string', multiple: true },
        'dry-run': { type: 'boolean' },
        site: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.help) {
    console.log(HELP);
    return 0;
  }
  const missing = (['effective', 'notification', 'summary'] as const).filter((key) => !args[key]);
  if (missing.length) {
    console.error(`${missing.map((key) => `--${key}: required`).join('\n')}\n\n${HELP}`);
    return 2;
  }

  const siteDir = path.resolve(args.site ?? path.join(__dirname, '..'));
  const request = {
    name: args.name,
    effective: args.effective!,
    notificationNumber: args.notification!,
    notificationDate: args['notification-date'] ?? formatJalaliIso(buildToday()),
    summary: args.summary!,
    leaveOut: args['leave-out'] ?? [],
  };

  if (args['dry-run']) {
    const { plan, problems } = planPublication(siteDir, request);
    if (plan) describePlan(plan).forEach((line) => console.log(line));
    if (problems.length) {
      console.error(new PublishRefused(problems).message.replace('; nothing was changed', ' (dry run)'));
      return 1;
    }
    console.log('Dry run: the plan is clean; nothing was written.');
    return 0;
  }

  try {
    const { plan, written } = publishEdition(siteDir, request, { log: (line) => console.log(line) });
    describePlan(plan).forEach((line) => console.log(line));
    console.log(`Published edition ${plan.name}: ${written.length} paths written (listed above).`);
  } catch (error) {
    if (error instanceof PublishRefused) {
      console.error(error.message);
      return 1;
    }
    console.error(`Edition not published (nothing was changed): ${(error as Error).message}`);
    return 1;
  }

  const indexed = await reindexAfterPublishing(siteDir, process.env, (line) => console.log(line));
  console.log('Next: rebuild the site (npm run build) so readers get the new edition.');
  return indexed === 'failed' ? 3 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof PublishRefused ? error.problems.map(formatPublishProblem).join('\n') : `edition:publish failed: ${(error as Error).message}`);
    process.exit(1);
  },
);
