/**
 * The publishing child of the Ayin server (server/editorial/publish-child.ts): plans or
 * publishes the next edition of `--site` off the server's event loop, since loading and
 * checking the whole corpus takes seconds of synchronous work. Reads `{mode, request}` as JSON
 * on stdin and writes one JSON line on stdout: `{plan, problems}` for a plan, `{plan, written}`
 * or `{refused}` for a publication. Anything else is a failure: exit 1, the reason on stderr.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { planPublication, publishEdition, PublishRefused, type PublishRequest } from './lib/editions/publish';
import { planView } from '../server/editorial/plan-view';

const { values } = parseArgs({ options: { site: { type: 'string' } } });
if (!values.site) {
  console.error('--site: the content root to plan or publish is required');
  process.exit(2);
}
const { mode, request } = JSON.parse(readFileSync(0, 'utf8')) as { mode: 'plan' | 'publish'; request: PublishRequest };
const answer = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

if (mode === 'plan') {
  const { plan, problems } = planPublication(values.site, request);
  answer({ plan: plan ? planView(plan) : null, problems });
} else {
  try {
    const result = publishEdition(values.site, request);
    answer({ plan: planView(result.plan), written: result.written });
  } catch (error) {
    if (!(error instanceof PublishRefused)) throw error;
    answer({ refused: error.problems });
  }
}
