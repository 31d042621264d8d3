import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeProject, FIXTURES } from './support.js';

/**
 * fixtures/resources: a Flask app whose routes import `shop.services`, which imports `shop.clients`,
 * a module that sets up at import what real applications were found to hide (issue 12). Each
 * finding is frozen with its message and the import chain from the app to the module.
 */
describe('fixtures/resources: the resources real code uses, reached from a Flask app', () => {
  const reached = 'while `shop.clients` is imported, imported through 2 imports from the Flask app `app` with 2 routes in `shop.app`.';

  it('reports each resource, with its rule and line', async () => {
    const result = await analyzeProject(path.join(FIXTURES, 'resources'));
    expect(result.findings.map((f) => [f.ruleId, `${f.path}:${f.span.line}:${f.span.column}`, f.message])).toEqual([
      ['IL004', 'shop/clients.py:16:10', `\`create_engine(os.environ.get("DATABASE_URL", "sqlite:///shop.db"))\` creates a database engine ${reached}`],
      ['IL004', 'shop/clients.py:18:9', `\`valkey.StrictRedis.from_url(os.environ.get("CACHE_URL", "valkey://localhost:637…\` creates a Valkey client ${reached}`],
      // The retry loop pings until the cache answers: a round trip on every worker's import.
      ['IL005', 'shop/clients.py:21:9', `\`cache.ping()\` creates a Redis connection ${reached}`],
      ['IL004', 'shop/clients.py:26:11', `\`statsd.StatsClient("localhost", 8125, prefix="shop")\` creates a statsd client ${reached}`],
      ['IL004', 'shop/clients.py:27:12', `\`stripe.StripeClient(os.environ.get("STRIPE_KEY", "sk_test"))\` creates a Stripe client ${reached}`],
      // `class ConfiguredSession(requests.Session)` in shop/http.py.
      ['IL004', 'shop/clients.py:28:13', `\`ConfiguredSession(os.environ.get("CATALOGUE_TOKEN", ""))\` creates an HTTP session ${reached}`],
      ['IL004', 'shop/clients.py:29:11', `\`boto3.session.Session()\` creates an AWS session ${reached}`],
      ['IL004', 'shop/clients.py:29:11', `\`boto3.session.Session().client("s3")\` creates an AWS client ${reached}`],
      ['IL004', 'shop/clients.py:30:10', `\`redis.Redis(host="localhost")\` creates a Redis client ${reached}`],
      ['IL004', 'shop/clients.py:30:10', `\`redis.Redis(host="localhost").pubsub()\` creates a Redis Pub/Sub object ${reached}`],
      ['IL005', 'shop/clients.py:33:1', `\`audit.connect(("localhost", 5140))\` creates a socket connection ${reached}`],
      // Kept on `state.scheduler` and started there.
      ['IL003', 'shop/clients.py:38:1', `\`state.scheduler.start()\` starts a background scheduler (created on line 36) ${reached}`],
    ]);
  });

  it('gives each the import chain from the app through the services module', async () => {
    const result = await analyzeProject(path.join(FIXTURES, 'resources'));
    const chains = result.findings.map((f) => (f.reach.kind === 'entry' ? [f.reach.entry.path, ...f.reach.chain.map((hop) => `${hop.from}:${hop.line} ${hop.text} -> ${hop.to}`)] : f.reach.kind));
    const chain = ['shop/app.py', 'shop/app.py:3 from shop.services import checkout, health -> shop/services.py', 'shop/services.py:1 from shop import clients -> shop/clients.py'];
    expect(chains).toEqual(result.findings.map(() => chain));
    expect(result.findings).toHaveLength(12);
  });
});
