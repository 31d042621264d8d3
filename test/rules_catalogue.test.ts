import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRules, qualifiedNameMatches, type Rule } from '../src/rules/rules.js';
import { analyzeProject, PROJECT, venvFile, writeProject } from './support.js';

/**
 * The catalogue rules IL003–IL008, RuleTester style: snippets that must fire, with the exact
 * message (read once, then frozen), and snippets that must not. `mod.py` is the module under
 * test unless a case gives its own files.
 */
type Finding = { rule: string; line: number; message: string };

async function findingsOf(source: string | Record<string, string>): Promise<Finding[]> {
  const files = typeof source === 'string' ? { 'mod.py': source } : source;
  const result = await analyzeProject(writeProject(files));
  // The message, then the cost and the fix, each a field of the finding since issue 11.
  return result.findings.map((f) => ({ rule: f.ruleId, line: f.span.line, message: [f.message, f.cost, f.fix].filter((t) => t !== undefined).join(' ') }));
}

const UNREACHED = 'but no entry found imports it at start-up';
const WHILE = `while \`mod\` is imported, ${UNREACHED}`;

// ---- IL003 ------------------------------------------------------------------------------------

const IL003_FIX =
  'Start it in one process you choose (a dedicated scheduler process, or a hook that runs once such as gunicorn `when_ready`), not at module level.';
const BACKGROUND_COST =
  'It starts a scheduler thread, and its default executor up to 10 job threads, in each process that imported the module, so with several workers every job runs once per worker; under gunicorn `preload_app` or Celery prefork it is started in the master and the forked workers keep a scheduler whose thread is gone.';
const ASYNCIO_SCHEDULER_COST =
  "It schedules its jobs on the event loop running at import (or its `event_loop` option), in each process that imported the module, so with several workers every job runs once per worker; where no loop is running yet, as under gunicorn's `UvicornWorker`, APScheduler 3.11 raises `RuntimeError` and earlier 3.x versions attach it to a loop that never runs, so no job fires.";
const GEVENT_SCHEDULER_COST =
  'It spawns a greenlet that runs the scheduler, and runs each job in a greenlet of its own, in each process that imported the module, so with several workers every job runs once per worker.';
const TORNADO_SCHEDULER_COST =
  'It schedules its jobs on the Tornado IOLoop that was current when it was created (or its `io_loop` option), in each process that imported the module, so with several workers every job runs once per worker.';
const TWISTED_SCHEDULER_COST =
  'It schedules its jobs on the global Twisted reactor (or its `reactor` option), in each process that imported the module, so with several workers every job runs once per worker.';
const QT_SCHEDULER_COST =
  'It schedules its jobs with `QTimer` on the Qt event loop of each process that imported the module, so every process that imports it runs every job.';

const BG = 'from apscheduler.schedulers.background import BackgroundScheduler\n';

describe('IL003 scheduler started at import time', () => {
  it.each([
    [
      `${BG}scheduler = BackgroundScheduler()\nscheduler.add_job(print, "interval", minutes=5)\nscheduler.start()\n`,
      4,
      `\`scheduler.start()\` starts a background scheduler (created on line 2) ${WHILE}. ${BACKGROUND_COST} ${IL003_FIX}`,
    ],
    [
      'from apscheduler.schedulers.asyncio import AsyncIOScheduler\nAsyncIOScheduler().start()\n',
      2,
      `\`AsyncIOScheduler().start()\` starts an asyncio scheduler ${WHILE}. ${ASYNCIO_SCHEDULER_COST} ${IL003_FIX}`,
    ],
    [
      'from apscheduler.schedulers.gevent import GeventScheduler\nsched = GeventScheduler()\nsched.start()\n',
      3,
      `\`sched.start()\` starts a gevent scheduler (created on line 2) ${WHILE}. ${GEVENT_SCHEDULER_COST} ${IL003_FIX}`,
    ],
    [
      'from apscheduler.schedulers.tornado import TornadoScheduler\nsched = TornadoScheduler()\nsched.start()\n',
      3,
      `\`sched.start()\` starts a Tornado scheduler (created on line 2) ${WHILE}. ${TORNADO_SCHEDULER_COST} ${IL003_FIX}`,
    ],
    [
      'from apscheduler.schedulers.twisted import TwistedScheduler\nsched = TwistedScheduler()\nsched.start()\n',
      3,
      `\`sched.start()\` starts a Twisted scheduler (created on line 2) ${WHILE}. ${TWISTED_SCHEDULER_COST} ${IL003_FIX}`,
    ],
    [
      'import apscheduler.schedulers.qt as qt\nsched = qt.QtScheduler()\nsched.start()\n',
      3,
      `\`sched.start()\` starts a Qt scheduler (created on line 2) ${WHILE}. ${QT_SCHEDULER_COST} ${IL003_FIX}`,
    ],
    [
      `${BG}class Jobs(BackgroundScheduler):\n    pass\nJobs().start()\n`,
      4,
      `\`Jobs().start()\` starts a background scheduler ${WHILE}. ${BACKGROUND_COST} ${IL003_FIX}`,
    ],
    [
      `${BG}class Jobs:\n    scheduler = BackgroundScheduler()\n    scheduler.start()\n`,
      4,
      `\`scheduler.start()\` starts a background scheduler (created on line 3) in the body of class \`Jobs\` ${WHILE}. ${BACKGROUND_COST} ${IL003_FIX}`,
    ],
    [
      `${BG}def start_jobs():\n    scheduler = BackgroundScheduler()\n    scheduler.start()\n    return scheduler\nSCHEDULER = start_jobs()\n`,
      6,
      `\`start_jobs()\` starts a background scheduler (\`scheduler.start()\` in \`start_jobs()\`, line 3) ${WHILE}. ${BACKGROUND_COST} ${IL003_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL003', line, message }]);
  });

  it.each([
    ['created but never started', `${BG}scheduler = BackgroundScheduler()\n`],
    ['started inside a function', `${BG}scheduler = BackgroundScheduler()\ndef start():\n    scheduler.start()\n`],
    ['a default argument that is only started when called', `${BG}def run(scheduler=BackgroundScheduler()):\n    scheduler.start()\n`],
    ['started under if __name__ == "__main__"', `${BG}scheduler = BackgroundScheduler()\nif __name__ == "__main__":\n    scheduler.start()\n`],
    ['a BlockingScheduler (its start() blocks: it is a script, a clock process)', 'from apscheduler.schedulers.blocking import BlockingScheduler\nsched = BlockingScheduler()\nsched.start()\n'],
    ['a local class of the same name', 'class BackgroundScheduler:\n    def start(self):\n        pass\nBackgroundScheduler().start()\n'],
    ['an unrelated module with the same attribute name', 'import mylib\nmylib.BackgroundScheduler().start()\n'],
    ['behind a memoised getter', `import functools\n${BG}@functools.cache\ndef scheduler():\n    s = BackgroundScheduler()\n    s.start()\n    return s\n`],
    [
      "in gunicorn's when_ready hook",
      { 'gunicorn.conf.py': `${BG}workers = 4\ndef when_ready(server):\n    server.scheduler = BackgroundScheduler()\n    server.scheduler.start()\n` },
    ],
  ])('does not fire when %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- IL004 ------------------------------------------------------------------------------------

const IL004_FIX =
  'Create the client on first use (a getter that builds it once, e.g. behind `functools.cache`), or in a per-process startup hook (app factory, lifespan, gunicorn `post_fork`, Celery `worker_process_init`), not at module level.';
const FORK_SHARED = 'and connections it opened before a fork are shared by every forked worker';
const OTHER_LOOP = 'and those connections belong to the event loop that opened them, so using the client from another loop';
const REQUESTS_COST = `It opens no connection until its first request; from then on it keeps up to 10 idle connections per host (\`pool_maxsize\`) open for the life of each process that imported it, ${FORK_SHARED}.`;
const HTTPX_COST = `It opens no connection until its first request; from then on it keeps up to 20 idle keep-alive connections (of at most 100) open for the life of each process that imported it, ${FORK_SHARED}.`;
const HTTPX_ASYNC_COST = `It opens no connection until its first request; from then on it keeps up to 20 idle keep-alive connections (of at most 100) in each process that imported it, ${OTHER_LOOP} (a new \`asyncio.run()\`, a test's loop) fails.`;
const AIOHTTP_COST =
  "It belongs to the event loop running when it is created; at import there usually is none, so aiohttp 3.10 and later raise `RuntimeError` and older versions bind it to a loop the server never runs; where one is running, it keeps up to 100 connections (its connector's `limit`) for the life of each process that imported it.";
const URLLIB3_COST = `It opens no connection until its first request; from then on it keeps connection pools for up to \`10\` (the default) hosts for the life of each process that imported it, ${FORK_SHARED}.`;
const BOTO3_CLIENT_COST =
  'It resolves AWS credentials as soon as it is created (through the provider chain, which on EC2 or ECS asks the instance metadata service), then keeps up to 10 pooled connections (`max_pool_connections`) for the life of each process that imported it.';
const BOTO3_RESOURCE_COST =
  'It resolves AWS credentials as soon as it is created (through the provider chain, which on EC2 or ECS asks the instance metadata service) and keeps a pool of up to 10 connections in each process that imported it; boto3 documents resources as unsafe to share across threads or processes.';
const BOTO3_SESSION_COST =
  'Boto3 documents sessions as unsafe to share across threads or processes, yet every thread and every forked worker of each process that imported the module shares this one; each client or resource made from it keeps its own pool of up to 10 connections.';
const GOOGLE_COST =
  'It looks up Application Default Credentials and the default project as soon as it is created, which on Google Cloud asks the metadata server; from its first call it keeps an authorised HTTP session or a gRPC channel for the life of each process that imported it.';
const REDIS_COST =
  'It opens no connection until its first command; from then on its pool keeps every connection it opened for the life of each process that imported it (redis-py notices a fork and opens fresh connections in the child).';
const REDIS_POOL_COST =
  'It opens no connection until a client uses it; from then on it keeps every connection it opened for the life of each process that imported it (redis-py notices a fork and opens fresh connections in the child).';
const REDIS_ASYNC_COST =
  'It opens no connection until its first command; from then on it keeps its connections for the life of each process that imported it, and they belong to the event loop that opened them, so using the client from another loop fails.';
const MONGO_COST =
  'Unless given `connect=False`, it starts background threads (a monitor per server and a cursor-cleanup thread) and begins connecting as soon as it is created, in each process that imported it; PyMongo warns that a client opened before `fork()` is not fork-safe, and each forked worker has to restart its monitors and rebuild its pools.';
const ASYNC_MONGO_COST =
  'It connects on its first operation, then keeps monitor tasks and a connection pool (up to 100 connections by default) for the life of each process that imported it, bound to the event loop that ran that operation.';
const MOTOR_COST =
  "It connects lazily (Motor passes `connect=False` to PyMongo); on its first operation it starts PyMongo's monitor threads and binds to the event loop running then, for the life of each process that imported it, so using it from another loop fails.";
const engineCost = (poolSize: string): string =>
  `It opens no connection until first used; from then on its pool keeps up to ${poolSize} connections open, plus \`max_overflow\` more under load, in each process that imported it, and connections opened before a fork are shared by every forked worker unless each calls \`engine.dispose(close=False)\`.`;
const ASYNC_ENGINE_COST =
  'It opens no connection until first used; from then on its pool keeps up to `5` (the default) connections open, plus `max_overflow` more under load, in each process that imported it, and those connections belong to the event loop that opened them, so using the engine from another loop fails.';
const ELASTICSEARCH_COST =
  'It opens no connection until its first request (unless `sniff_on_start=True`, which queries the cluster at once); from then on it keeps up to 10 connections per node (`connections_per_node`) for the life of each process that imported it.';
const API_CLIENT_COST = `It opens no connection until its first request; from then on its HTTP pool keeps up to 100 keep-alive connections (of at most 1000) for the life of each process that imported it, ${FORK_SHARED}.`;
const ASYNC_API_CLIENT_COST = `It opens no connection until its first request; from then on its HTTP pool keeps up to 100 keep-alive connections (of at most 1000) in each process that imported it, ${OTHER_LOOP} fails.`;
const GRPC_COST =
  "It runs on gRPC core's background threads in each process that imported the module, and gRPC does not support `fork()` once a channel exists unless `GRPC_ENABLE_FORK_SUPPORT=true` is set, so workers forked from that process inherit a channel that gRPC does not support using.";
const KAFKA_PRODUCER_COST =
  'It connects to the bootstrap brokers (to probe their API version, unless `api_version` is given) and starts its sender thread as soon as it is created, in each process that imported the module; a producer created before a fork has no sender thread in the forked workers, which then never send their messages.';
const KAFKA_CONSUMER_COST =
  'It connects to the bootstrap brokers as soon as it is created (to probe their API version, unless `api_version` is given), so the import fails when no broker answers, and each process that imported the module and polls it joins the consumer group as a member of its own.';
const RDKAFKA_PRODUCER_COST =
  'Librdkafka starts its background threads (one per broker, plus its own) and connects as soon as it is created, in each process that imported the module; those threads do not survive `fork()`, so a producer created before a fork sends nothing from the forked workers.';
const RDKAFKA_CONSUMER_COST =
  'Librdkafka starts its background threads (one per broker, plus its own) and connects as soon as it is created, in each process that imported the module; those threads do not survive `fork()`, so a consumer created before a fork receives nothing in the forked workers.';
const QBITTORRENT_COST =
  'It opens no connection until its first call, which logs in to the Web UI; from then on it keeps a `requests` session with the login cookie and pooled connections for the life of each process that imported it.';
const BROWSER_COST =
  'It starts a driver process (chromedriver, geckodriver, ...) and a browser with a new session as soon as it is created, in each process that imported the module; both run until `quit()` is called, and workers forked from that process all drive the same browser session.';
const REMOTE_BROWSER_COST =
  'It asks the Selenium server to start a browser session as soon as it is created, in each process that imported the module; the remote browser runs until `quit()` is called, and workers forked from that process all drive the same session.';
const MINIO_COST = `It opens no connection until its first request; from then on its urllib3 pool keeps up to 10 connections per host for the life of each process that imported it, ${FORK_SHARED}.`;

const client = (call: string, what: string, cost: string, where = ''): string =>
  `\`${call}\` creates ${what}${where} ${WHILE}. ${cost} ${IL004_FIX}`;

describe('IL004 network client created at import time', () => {
  it.each([
    ['import requests\nsession = requests.Session()\n', 2, client('requests.Session()', 'an HTTP session', REQUESTS_COST)],
    ['import requests\nsession = requests.session()\n', 2, client('requests.session()', 'an HTTP session', REQUESTS_COST)],
    ['import httpx\nhttp = httpx.Client(timeout=10)\n', 2, client('httpx.Client(timeout=10)', 'an HTTP client', HTTPX_COST)],
    ['import httpx\nhttp = httpx.AsyncClient()\n', 2, client('httpx.AsyncClient()', 'an async HTTP client', HTTPX_ASYNC_COST)],
    ['import aiohttp\nsession = aiohttp.ClientSession()\n', 2, client('aiohttp.ClientSession()', 'an aiohttp session', AIOHTTP_COST)],
    ['import urllib3\nhttp = urllib3.PoolManager()\n', 2, client('urllib3.PoolManager()', 'an HTTP connection pool', URLLIB3_COST)],
    ['import boto3\ns3 = boto3.client("s3")\n', 2, client('boto3.client("s3")', 'an AWS client', BOTO3_CLIENT_COST)],
    ['import boto3\ndynamodb = boto3.resource("dynamodb")\n', 2, client('boto3.resource("dynamodb")', 'an AWS resource', BOTO3_RESOURCE_COST)],
    ['import boto3\nsession = boto3.Session()\n', 2, client('boto3.Session()', 'an AWS session', BOTO3_SESSION_COST)],
    ['from boto3.session import Session\nsession = Session(region_name="eu-west-1")\n', 2, client('Session(region_name="eu-west-1")', 'an AWS session', BOTO3_SESSION_COST)],
    ['from google.cloud import storage\ngcs = storage.Client()\n', 2, client('storage.Client()', 'a Google Cloud client', GOOGLE_COST)],
    ['from google.cloud import bigquery\nbq = bigquery.Client(project="p")\n', 2, client('bigquery.Client(project="p")', 'a Google Cloud client', GOOGLE_COST)],
    ['import redis\ncache = redis.Redis(host="localhost")\n', 2, client('redis.Redis(host="localhost")', 'a Redis client', REDIS_COST)],
    ['import redis\ncache = redis.Redis.from_url("redis://localhost:6379/0")\n', 2, client('redis.Redis.from_url("redis://localhost:6379/0")', 'a Redis client', REDIS_COST)],
    ['from redis import StrictRedis\ncache = StrictRedis()\n', 2, client('StrictRedis()', 'a Redis client', REDIS_COST)],
    ['import redis\ncache = redis.from_url("redis://localhost")\n', 2, client('redis.from_url("redis://localhost")', 'a Redis client', REDIS_COST)],
    ['import redis\nPOOL = redis.ConnectionPool(max_connections=10)\n', 2, client('redis.ConnectionPool(max_connections=10)', 'a Redis connection pool', REDIS_POOL_COST)],
    ['import redis.asyncio as aioredis\ncache = aioredis.from_url("redis://localhost")\n', 2, client('aioredis.from_url("redis://localhost")', 'an async Redis client', REDIS_ASYNC_COST)],
    ['from redis.asyncio import Redis\ncache = Redis()\n', 2, client('Redis()', 'an async Redis client', REDIS_ASYNC_COST)],
    ['from pymongo import MongoClient\nmongo = MongoClient("mongodb://localhost:27017")\n', 2, client('MongoClient("mongodb://localhost:27017")', 'a MongoDB client', MONGO_COST)],
    ['import pymongo\nmongo = pymongo.AsyncMongoClient()\n', 2, client('pymongo.AsyncMongoClient()', 'an async MongoDB client', ASYNC_MONGO_COST)],
    ['import motor.motor_asyncio\nmongo = motor.motor_asyncio.AsyncIOMotorClient()\n', 2, client('motor.motor_asyncio.AsyncIOMotorClient()', 'a Motor client', MOTOR_COST)],
    ['from sqlalchemy import create_engine\nengine = create_engine("postgresql://app")\n', 2, client('create_engine("postgresql://app")', 'a database engine', engineCost('`5` (the default)'))],
    ['import sqlalchemy as sa\nengine = sa.create_engine("postgresql://app", pool_size=20)\n', 2, client('sa.create_engine("postgresql://app", pool_size=20)', 'a database engine', engineCost('20'))],
    ['from sqlalchemy.ext.asyncio import create_async_engine\nengine = create_async_engine("postgresql+asyncpg://app")\n', 2, client('create_async_engine("postgresql+asyncpg://app")', 'an async database engine', ASYNC_ENGINE_COST)],
    ['from elasticsearch import Elasticsearch\nes = Elasticsearch("http://localhost:9200")\n', 2, client('Elasticsearch("http://localhost:9200")', 'an Elasticsearch client', ELASTICSEARCH_COST)],
    ['from openai import OpenAI\nopenai_client = OpenAI()\n', 2, client('OpenAI()', 'an OpenAI client', API_CLIENT_COST)],
    ['import openai\nopenai_client = openai.AsyncOpenAI()\n', 2, client('openai.AsyncOpenAI()', 'an async OpenAI client', ASYNC_API_CLIENT_COST)],
    ['import anthropic\nclaude = anthropic.Anthropic()\n', 2, client('anthropic.Anthropic()', 'an Anthropic client', API_CLIENT_COST)],
    ['from anthropic import AsyncAnthropic\nclaude = AsyncAnthropic()\n', 2, client('AsyncAnthropic()', 'an async Anthropic client', ASYNC_API_CLIENT_COST)],
    ['import grpc\nchannel = grpc.insecure_channel("localhost:50051")\n', 2, client('grpc.insecure_channel("localhost:50051")', 'a gRPC channel', GRPC_COST)],
    ['import grpc\nchannel = grpc.secure_channel("api:443", grpc.ssl_channel_credentials())\n', 2, client('grpc.secure_channel("api:443", grpc.ssl_channel_credentials())', 'a gRPC channel', GRPC_COST)],
    ['from kafka import KafkaProducer\nproducer = KafkaProducer(bootstrap_servers="localhost:9092")\n', 2, client('KafkaProducer(bootstrap_servers="localhost:9092")', 'a Kafka producer', KAFKA_PRODUCER_COST)],
    ['from kafka import KafkaConsumer\nconsumer = KafkaConsumer("events")\n', 2, client('KafkaConsumer("events")', 'a Kafka consumer', KAFKA_CONSUMER_COST)],
    ['from confluent_kafka import Producer\nproducer = Producer({"bootstrap.servers": "localhost"})\n', 2, client('Producer({"bootstrap.servers": "localhost"})', 'a Kafka producer', RDKAFKA_PRODUCER_COST)],
    ['import confluent_kafka\nconsumer = confluent_kafka.Consumer({"group.id": "g"})\n', 2, client('confluent_kafka.Consumer({"group.id": "g"})', 'a Kafka consumer', RDKAFKA_CONSUMER_COST)],
    ['import qbittorrentapi\nqbt = qbittorrentapi.Client(host="localhost:8080")\n', 2, client('qbittorrentapi.Client(host="localhost:8080")', 'a qBittorrent client', QBITTORRENT_COST)],
    ['from selenium import webdriver\ndriver = webdriver.Chrome()\n', 2, client('webdriver.Chrome()', 'a browser', BROWSER_COST)],
    ['from selenium.webdriver import Firefox\ndriver = Firefox()\n', 2, client('Firefox()', 'a browser', BROWSER_COST)],
    ['from selenium import webdriver\ndriver = webdriver.Remote("http://grid:4444")\n', 2, client('webdriver.Remote("http://grid:4444")', 'a remote browser session', REMOTE_BROWSER_COST)],
    ['from minio import Minio\nstore = Minio("play.min.io")\n', 2, client('Minio("play.min.io")', 'a MinIO client', MINIO_COST)],
    [
      'import redis\ndef get(key, cache=redis.Redis()):\n    return cache.get(key)\n',
      2,
      client('redis.Redis()', 'a Redis client', REDIS_COST, ' as the default value of `cache` in `def get` (evaluated once, when the def runs)'),
    ],
    ['import requests\nclass Api:\n    session = requests.Session()\n', 3, client('requests.Session()', 'an HTTP session', REQUESTS_COST, ' in the body of class `Api`')],
    [
      'import redis\nclass RedisDB:\n    def __init__(self):\n        self.client = redis.Redis()\nREDIS = RedisDB()\n',
      5,
      `\`RedisDB()\` creates a Redis client (\`redis.Redis()\` in \`RedisDB()\`, line 4) ${WHILE}. ${REDIS_COST} ${IL004_FIX}`,
    ],
    [
      'import functools\nimport redis\n@functools.cache\ndef redis_client():\n    return redis.Redis()\nCLIENT = redis_client()\n',
      6,
      `\`redis_client()\` creates a Redis client (\`redis.Redis()\` in \`redis_client()\`, line 5) ${WHILE}. ${REDIS_COST} ${IL004_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL004', line, message }]);
  });

  it('reports the client where it is created, and the line that connects on its own (IL005)', async () => {
    expect(await findingsOf('import redis\ncache = redis.Redis()\ncache.ping()\n')).toEqual([
      { rule: 'IL004', line: 2, message: client('redis.Redis()', 'a Redis client', REDIS_COST) },
      { rule: 'IL005', line: 3, message: `\`cache.ping()\` creates a Redis connection ${WHILE}. ${REDIS_COMMAND_COST} ${IL005_FIX}` },
    ]);
  });

  it('reports a Redis command at import as the connection it opens (IL005), in a function that module-level code calls too', async () => {
    // Found on lemur: `red = RedisHandler().redis()`, whose `redis()` makes the client and runs `red.set("test", 0)`.
    expect(await findingsOf('import redis\ncache = redis.from_url("redis://cache")\ncache.set("started", 1)\n')).toEqual([
      { rule: 'IL004', line: 2, message: client('redis.from_url("redis://cache")', 'a Redis client', REDIS_COST) },
      { rule: 'IL005', line: 3, message: `\`cache.set("started", 1)\` creates a Redis connection ${WHILE}. ${REDIS_COMMAND_COST} ${IL005_FIX}` },
    ]);
    const inFunction = await findingsOf('import redis\ndef connect():\n    r = redis.StrictRedis(host="redis")\n    r.set("test", 0)\n    return r\nred = connect()\n');
    expect(inFunction.map((f) => [f.rule, f.line])).toEqual([
      ['IL004', 6],
      ['IL005', 6],
    ]);
  });

  const R = 'import redis\n';
  it.each([
    ['inside a function', `${R}def get():\n    return redis.Redis()\n`],
    ['in a with block that closes it', 'import requests\nwith requests.Session() as session:\n    TOKEN = session.get("http://auth/token").text\n'],
    ['under if __name__ == "__main__"', `${R}if __name__ == "__main__":\n    cache = redis.Redis()\n    cache.ping()\n`],
    ['under if TYPE_CHECKING', `from typing import TYPE_CHECKING\n${R}if TYPE_CHECKING:\n    cache = redis.Redis()\n`],
    ['a local class of the same name', 'class Redis:\n    pass\ncache = Redis()\n'],
    ['an unrelated module with the same attribute name', 'import mylib\ncache = mylib.Redis()\nhttp = mylib.Session()\n'],
    ['the class only referenced, not called', `${R}CLIENT_CLASS = redis.Redis\n`],
    ['behind functools.cache', `import functools\n${R}@functools.cache\ndef redis_client():\n    return redis.Redis()\n`],
    [
      'behind a global singleton getter',
      `${R}_client = None\ndef redis_client():\n    global _client\n    if _client is None:\n        _client = redis.Redis()\n    return _client\n`,
    ],
    ['in a module __getattr__ (PEP 562)', `${R}def __getattr__(name):\n    if name == "cache":\n        return redis.Redis()\n    raise AttributeError(name)\n`],
    [
      "in gunicorn's post_fork hook",
      { 'gunicorn.conf.py': `${R}workers = 4\ndef post_fork(server, worker):\n    worker.cache = redis.Redis()\n    worker.cache.ping()\n` },
    ],
    [
      "in a Celery worker_process_init handler",
      `${R}from celery.signals import worker_process_init\ncache = None\n@worker_process_init.connect\ndef init_worker(**kwargs):\n    global cache\n    cache = redis.Redis()\n    cache.ping()\n`,
    ],
    [
      'in a FastAPI lifespan and an on_event("startup") handler',
      'from contextlib import asynccontextmanager\nimport httpx\nimport redis.asyncio\nfrom fastapi import FastAPI\n@asynccontextmanager\nasync def lifespan(app):\n    app.state.redis = redis.asyncio.Redis()\n    app.state.http = httpx.AsyncClient()\n    yield\n    await app.state.http.aclose()\napp = FastAPI(lifespan=lifespan)\n@app.on_event("startup")\nasync def startup():\n    app.state.other = httpx.AsyncClient()\n@app.get("/")\nasync def index():\n    return {}\n',
    ],
    [
      'in a Flask app factory that module-level code calls',
      `${R}from flask import Flask\ndef create_app():\n    app = Flask(__name__)\n    app.extensions["redis"] = redis.Redis()\n    return app\napp = create_app()\n`,
    ],
    [
      "in aiohttp's cleanup_ctx and on_startup",
      "import aiohttp\nfrom aiohttp import web\nasync def http_ctx(app):\n    app['http'] = aiohttp.ClientSession()\n    yield\n    await app['http'].close()\nasync def on_startup(app):\n    app['other'] = aiohttp.ClientSession()\napp = web.Application()\napp.cleanup_ctx.append(http_ctx)\napp.on_startup.append(on_startup)\n",
    ],
    ['a Selenium options object (no browser)', 'from selenium import webdriver\noptions = webdriver.ChromeOptions()\noptions.add_argument("--headless")\n'],
    ['a slack_sdk WebClient (it keeps no connection)', 'from slack_sdk import WebClient\nslack = WebClient(token="x")\n'],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- IL005 ------------------------------------------------------------------------------------

const IL005_FIX = 'Open the connection where it is used (in a `with` block, or from a pool created per process), not at module level.';
const POSTGRES_COST =
  'It connects to the server as soon as it is called (PostgreSQL starts a backend process for it), in each process that imported the module, and keeps the connection for the life of that process; a connection opened before a fork is shared by every forked worker, whose queries then interleave on one socket.';
const PYMYSQL_COST =
  'It connects to the server as soon as it is called, in each process that imported the module; the server closes it after `wait_timeout` (8 hours by default) without a query, after which queries fail with "MySQL server has gone away", and a connection opened before a fork is shared by every forked worker.';
const MYSQL_CONNECTOR_COST =
  'It connects to the server as soon as it is called (with `pool_name` or `pool_size`, it opens the whole pool at once), in each process that imported the module; the server closes an idle connection after `wait_timeout` (8 hours by default), after which queries fail with "MySQL server has gone away", and a connection opened before a fork is shared by every forked worker.';
const SQLITE_COST =
  'It opens the database file as soon as it is called, in each process that imported the module; by default (`check_same_thread=True`) only the importing thread may use it, and SQLite warns that a connection carried across `fork()` can corrupt the database.';
const PIKA_COST =
  "It connects to the broker and completes the AMQP handshake as soon as it is created, in each process that imported the module; a `BlockingConnection` answers heartbeats only while the process calls into it, so the broker closes it after about a minute without traffic (RabbitMQ's default heartbeat timeout is 60 seconds), and one opened before a fork is shared by every forked worker.";
const SMTP_COST = (host: string) =>
  `It connects to the mail server \`${host}\` and reads its greeting as soon as it is created, in each process that imported the module; servers drop idle sessions after a few minutes (RFC 5321 asks them to wait at least 5), after which \`sendmail()\` fails with \`SMTPServerDisconnected\`.`;
const FTP_COST = (host: string) =>
  `It connects to the server \`${host}\` as soon as it is created (and logs in too when given a user), in each process that imported the module; servers drop idle control connections after their own timeout, after which every command fails.`;
const SOCKET_COST =
  'It connects as soon as it is called, so the import waits for the peer and fails when it is down, in each process that imported the module; a socket opened before a fork is shared by every forked worker, whose reads and writes then interleave.';
/** A command (`ping()` among them) on a redis-py or valkey-py client: said as the Redis connection it opens. */
const REDIS_COMMAND_COST =
  "The command connects to Redis and waits for its answer in each process that imports the module, so the import is as slow as the server and fails when it is down, and the connection it opens stays in the client's pool for the life of that process.";
const ROUND_TRIP_COST =
  'It makes a round trip to the server in each process that imports the module, so the import is as slow as the server and fails when the server is down, and the connection it opens stays open for the life of that process.';
const LOGIN_COST =
  'It sends credentials to the server and waits for its answer in each process that imports the module, so the import fails when the server is down or refuses the login, and the session lasts only as long as the server keeps it.';

/** A client that nothing keeps (`Client().ping()` as a statement): what it costs is its making. */
const discardedClient = (call: string, what: string): string =>
  `\`${call}\` creates and discards ${what} ${WHILE}. It is created and discarded during import (nothing keeps it), so it does not stay in the process; each process that imports the module still pays for making ${what}, and for any connection or request it makes then, at start-up. ${IL004_FIX}`;
/** A connection made on a client nothing keeps: it closes with the client. */
const discardedConnection = (call: string, what: string): string =>
  `\`${call}\` creates and discards ${what} ${WHILE}. It is discarded with the statement that opens it (nothing keeps it or the client it is made on), so it does not stay open; each process that imports the module still connects at start-up, so the import is as slow as the server and fails when it is down. ${IL005_FIX}`;
const connection = (call: string, what: string, cost: string, where = ''): string =>
  `\`${call}\` creates ${what}${where} ${WHILE}. ${cost} ${IL005_FIX}`;

describe('IL005 connection opened at import time', () => {
  it.each([
    ['import psycopg2\nconn = psycopg2.connect("dbname=app")\n', 2, connection('psycopg2.connect("dbname=app")', 'a PostgreSQL connection', POSTGRES_COST)],
    ['import psycopg\nconn = psycopg.connect("dbname=app")\n', 2, connection('psycopg.connect("dbname=app")', 'a PostgreSQL connection', POSTGRES_COST)],
    [
      'from psycopg2.pool import ThreadedConnectionPool\nPOOL = ThreadedConnectionPool(2, 10, "dbname=app")\n',
      2,
      connection(
        'ThreadedConnectionPool(2, 10, "dbname=app")',
        'a PostgreSQL connection pool',
        'It opens 2 connections as soon as it is created (PostgreSQL starts a backend process for each), in each process that imported the module, and keeps them for the life of that process; connections opened before a fork are shared by every forked worker, whose queries then interleave on one socket.',
      ),
    ],
    ['import pymysql\nconn = pymysql.connect(host="db", user="app")\n', 2, connection('pymysql.connect(host="db", user="app")', 'a MySQL connection', PYMYSQL_COST)],
    ['import mysql.connector\nconn = mysql.connector.connect(user="app", database="app")\n', 2, connection('mysql.connector.connect(user="app", database="app")', 'a MySQL connection', MYSQL_CONNECTOR_COST)],
    ['import sqlite3\nconn = sqlite3.connect("app.db")\n', 2, connection('sqlite3.connect("app.db")', 'a SQLite connection', SQLITE_COST)],
    ['import pika\nconnection = pika.BlockingConnection(pika.ConnectionParameters("localhost"))\n', 2, connection('pika.BlockingConnection(pika.ConnectionParameters("localhost"))', 'a RabbitMQ connection', PIKA_COST)],
    ['import smtplib\nmailer = smtplib.SMTP("smtp.example.com", 587)\n', 2, connection('smtplib.SMTP("smtp.example.com", 587)', 'an SMTP connection', SMTP_COST('"smtp.example.com"'))],
    ['from smtplib import SMTP_SSL\nmailer = SMTP_SSL("smtp.example.com")\n', 2, connection('SMTP_SSL("smtp.example.com")', 'an SMTP connection', SMTP_COST('"smtp.example.com"'))],
    ['import ftplib\nftp = ftplib.FTP("ftp.example.com", "anonymous")\n', 2, connection('ftplib.FTP("ftp.example.com", "anonymous")', 'an FTP connection', FTP_COST('"ftp.example.com"'))],
    ['import socket\nSOCK = socket.create_connection(("localhost", 6379))\n', 2, connection('socket.create_connection(("localhost", 6379))', 'a TCP connection', SOCKET_COST)],
    [
      'import sqlite3\ndef query(sql, conn=sqlite3.connect("app.db")):\n    return conn.execute(sql)\n',
      2,
      connection('sqlite3.connect("app.db")', 'a SQLite connection', SQLITE_COST, ' as the default value of `conn` in `def query` (evaluated once, when the def runs)'),
    ],
    ['import psycopg2\nclass Repository:\n    conn = psycopg2.connect("dbname=app")\n', 3, connection('psycopg2.connect("dbname=app")', 'a PostgreSQL connection', POSTGRES_COST, ' in the body of class `Repository`')],
    [
      'import psycopg2\nclass Database:\n    def __init__(self, dsn):\n        self.conn = psycopg2.connect(dsn)\nDB = Database("dbname=app")\n',
      5,
      `\`Database("dbname=app")\` creates a PostgreSQL connection (\`psycopg2.connect(dsn)\` in \`Database()\`, line 4) ${WHILE}. ${POSTGRES_COST} ${IL005_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL005', line, message }]);
  });

  it.each([
    [
      'engine.connect() on an engine made at import',
      'from sqlalchemy import create_engine\nengine = create_engine("postgresql://app")\nconn = engine.connect()\n',
      [
        { rule: 'IL004', line: 2, message: client('create_engine("postgresql://app")', 'a database engine', engineCost('`5` (the default)')) },
        { rule: 'IL005', line: 3, message: connection('engine.connect()', 'a live connection', ROUND_TRIP_COST) },
      ],
    ],
    [
      'ping() chained on a client nothing keeps: the connection goes with it',
      'from elasticsearch import Elasticsearch\nElasticsearch("http://localhost:9200").ping()\n',
      [
        { rule: 'IL004', line: 2, message: discardedClient('Elasticsearch("http://localhost:9200")', 'an Elasticsearch client') },
        { rule: 'IL005', line: 2, message: discardedConnection('Elasticsearch("http://localhost:9200").ping()', 'a live connection') },
      ],
    ],
    [
      'login() on an SMTP session',
      'import smtplib\nmailer = smtplib.SMTP("smtp.example.com", 587)\nmailer.starttls()\nmailer.login("app", "secret")\n',
      [
        { rule: 'IL005', line: 2, message: connection('smtplib.SMTP("smtp.example.com", 587)', 'an SMTP connection', SMTP_COST('"smtp.example.com"')) },
        { rule: 'IL005', line: 4, message: connection('mailer.login("app", "secret")', 'a logged-in session', LOGIN_COST) },
      ],
    ],
    [
      'connect() and login() on an FTP object made without a host (FTP() itself opens nothing)',
      'import ftplib\nftp = ftplib.FTP()\nftp.connect("ftp.example.com")\nftp.login()\n',
      [
        { rule: 'IL005', line: 3, message: connection('ftp.connect("ftp.example.com")', 'a live connection', ROUND_TRIP_COST) },
        { rule: 'IL005', line: 4, message: connection('ftp.login()', 'a logged-in session', LOGIN_COST) },
      ],
    ],
    [
      "qBittorrent's auth_log_in()",
      'import qbittorrentapi\nqbt = qbittorrentapi.Client(host="localhost:8080")\nqbt.auth_log_in()\n',
      [
        { rule: 'IL004', line: 2, message: client('qbittorrentapi.Client(host="localhost:8080")', 'a qBittorrent client', QBITTORRENT_COST) },
        { rule: 'IL005', line: 3, message: connection('qbt.auth_log_in()', 'a logged-in session', LOGIN_COST) },
      ],
    ],
    [
      'ping() in a function that module-level code calls',
      'import redis\ndef connect_cache():\n    cache = redis.Redis()\n    cache.ping()\n    return cache\nCACHE = connect_cache()\n',
      [
        { rule: 'IL004', line: 6, message: `\`connect_cache()\` creates a Redis client (\`redis.Redis()\` in \`connect_cache()\`, line 3) ${WHILE}. ${REDIS_COST} ${IL004_FIX}` },
        { rule: 'IL005', line: 6, message: `\`connect_cache()\` creates a Redis connection (\`cache.ping()\` in \`connect_cache()\`, line 4) ${WHILE}. ${REDIS_COMMAND_COST} ${IL005_FIX}` },
      ],
    ],
  ])('fires on %s', async (_, source, expected) => {
    expect(await findingsOf(source)).toEqual(expected);
  });

  it.each([
    ['inside a function', 'import psycopg2\ndef get_conn():\n    return psycopg2.connect("dbname=app")\n'],
    ['in a with block that closes it (psycopg 3)', 'import psycopg\nwith psycopg.connect("dbname=app") as conn:\n    ROWS = conn.execute("select 1").fetchall()\n'],
    ['in a with block that closes it (SMTP)', 'import smtplib\nwith smtplib.SMTP("localhost") as mailer:\n    mailer.login("app", "secret")\n'],
    ['engine.connect() in a with block', 'from sqlalchemy import create_engine, text\nwith create_engine("sqlite://").connect() as conn:\n    conn.execute(text("select 1"))\n'],
    ['under if __name__ == "__main__"', 'import sqlite3\nif __name__ == "__main__":\n    conn = sqlite3.connect("app.db")\n'],
    ['a local function of the same name', 'def connect(dsn):\n    return dsn\nconn = connect("dbname=app")\n'],
    ['an unrelated module with the same attribute name', 'import mylib\nconn = mylib.connect("dbname=app")\nmylib.ping()\n'],
    ["a signal's .connect decorator (Celery)", 'from celery.signals import worker_process_init\n@worker_process_init.connect\ndef init_worker(**kwargs):\n    pass\n'],
    ['connect() on an object no rule created (blinker)', 'from blinker import signal\nstarted = signal("started")\ndef on_started(sender):\n    pass\nstarted.connect(on_started)\n'],
    ['behind functools.cache', 'import functools\nimport psycopg2\n@functools.cache\ndef conn():\n    return psycopg2.connect("dbname=app")\n'],
    [
      'in a Celery worker_process_init handler',
      'import psycopg2\nfrom celery.signals import worker_process_init\nconn = None\n@worker_process_init.connect\ndef init_worker(**kwargs):\n    global conn\n    conn = psycopg2.connect("dbname=app")\n',
    ],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- IL006 ------------------------------------------------------------------------------------

const IL006_FIX = 'Load it on first use (a getter that loads it once, e.g. behind `functools.cache`), or in a per-process startup hook, not at module level.';
const HUB = 'downloading it from the Hugging Face Hub first when it is not in the local cache';
const loaded = (call: string, what: string, cost: string, where = ''): string => `\`${call}\` creates ${what}${where} ${WHILE}. ${cost} ${IL006_FIX}`;

describe('IL006 model or data set loaded at import time', () => {
  it.each([
    [
      'import torch\nSTATE = torch.load("model.pt")\n',
      2,
      loaded(
        'torch.load("model.pt")',
        'a checkpoint in memory',
        'It reads `"model.pt"` whole into memory in each process that imports the module, onto the device its tensors were saved from unless `map_location` says otherwise, and a forked worker cannot use CUDA once the parent has initialised it.',
      ),
    ],
    [
      'from transformers import AutoModel\nmodel = AutoModel.from_pretrained("bert-base-uncased")\n',
      2,
      loaded('AutoModel.from_pretrained("bert-base-uncased")', 'a pretrained model in memory', `It loads \`"bert-base-uncased"\` into memory in each process that imports the module, ${HUB}.`),
    ],
    [
      'import transformers\ntokenizer = transformers.AutoTokenizer.from_pretrained(MODEL_DIR)\n',
      2,
      loaded('transformers.AutoTokenizer.from_pretrained(MODEL_DIR)', 'a pretrained model in memory', `It loads \`MODEL_DIR\` into memory in each process that imports the module, ${HUB}.`),
    ],
    [
      'from transformers import pipeline\nclassifier = pipeline("sentiment-analysis")\n',
      2,
      loaded(
        'pipeline("sentiment-analysis")',
        'a model pipeline',
        'It loads the model, tokenizer and configuration of a `"sentiment-analysis"` pipeline into memory in each process that imports the module, downloading them from the Hugging Face Hub first when they are not in the local cache.',
      ),
    ],
    [
      'from sentence_transformers import SentenceTransformer\nmodel = SentenceTransformer("all-MiniLM-L6-v2")\n',
      2,
      loaded('SentenceTransformer("all-MiniLM-L6-v2")', 'a sentence-transformers model', `It loads \`"all-MiniLM-L6-v2"\` into memory in each process that imports the module, ${HUB}.`),
    ],
    [
      'import spacy\nnlp = spacy.load("en_core_web_sm")\n',
      2,
      loaded('spacy.load("en_core_web_sm")', 'a spaCy pipeline', 'It loads the `"en_core_web_sm"` pipeline (its vocabulary and model weights) into memory in each process that imports the module.'),
    ],
    [
      'import joblib\nclassifier = joblib.load("classifier.joblib")\n',
      2,
      loaded('joblib.load("classifier.joblib")', 'an unpickled object', 'It unpickles `"classifier.joblib"` whole into memory in each process that imports the module (its arrays are memory-mapped only with `mmap_mode`).'),
    ],
    [
      'import pickle\nwith open("vectors.pkl", "rb") as f:\n    VECTORS = pickle.load(f)\n',
      3,
      loaded('pickle.load(f)', 'an unpickled object', 'It reads and unpickles the whole file into memory in each process that imports the module, running whatever code the pickle names.'),
    ],
    [
      'from keras.models import load_model\nmodel = load_model("model.keras")\n',
      2,
      loaded('load_model("model.keras")', 'a Keras model in memory', "It loads `\"model.keras\"` into memory and initialises the backend (TensorFlow's runtime and its thread pools) in each process that imports the module."),
    ],
    [
      'import tensorflow as tf\nmodel = tf.keras.models.load_model("model.h5")\n',
      2,
      loaded('tf.keras.models.load_model("model.h5")', 'a Keras model in memory', "It loads `\"model.h5\"` into memory and initialises the backend (TensorFlow's runtime and its thread pools) in each process that imports the module."),
    ],
    [
      'import onnxruntime as ort\nsession = ort.InferenceSession("model.onnx")\n',
      2,
      loaded('ort.InferenceSession("model.onnx")', 'an ONNX Runtime session', "It loads `\"model.onnx\"` and creates the session's own thread pool (one thread per physical core by default) in each process that imports the module."),
    ],
    [
      'import whisper\nmodel = whisper.load_model("base")\n',
      2,
      loaded(
        'whisper.load_model("base")',
        'a Whisper model',
        'It loads the `"base"` model into memory (on the GPU when CUDA is available) in each process that imports the module, downloading an official model to `~/.cache/whisper` first when it is not there yet.',
      ),
    ],
    [
      'import faiss\nINDEX = faiss.read_index("docs.index")\n',
      2,
      loaded('faiss.read_index("docs.index")', 'a FAISS index', 'It reads the index in `"docs.index"` whole into memory in each process that imports the module (unless opened with `faiss.IO_FLAG_MMAP`).'),
    ],
    ['import pandas as pd\nMOVIES = pd.read_csv("movies.csv")\n', 2, loaded('pd.read_csv("movies.csv")', 'a DataFrame', 'It parses `"movies.csv"` whole into memory in each process that imports the module.')],
    ['import pandas as pd\nEVENTS = pd.read_parquet(path="events.parquet")\n', 2, loaded('pd.read_parquet(path="events.parquet")', 'a DataFrame', 'It reads `"events.parquet"` whole into memory in each process that imports the module.')],
    [
      'from pandas import read_excel\nPRICES = read_excel("prices.xlsx")\n',
      2,
      loaded('read_excel("prices.xlsx")', 'a DataFrame', 'It parses `"prices.xlsx"` whole into memory in each process that imports the module, which for a spreadsheet is slow as well as large.'),
    ],
    ['import numpy as np\nEMBEDDINGS = np.load("embeddings.npy")\n', 2, loaded('np.load("embeddings.npy")', 'an array in memory', 'It reads `"embeddings.npy"` into memory in each process that imports the module (unless given `mmap_mode`).')],
    [
      'from sentence_transformers import SentenceTransformer\ndef embed(texts, model=SentenceTransformer("all-MiniLM-L6-v2")):\n    return model.encode(texts)\n',
      2,
      loaded(
        'SentenceTransformer("all-MiniLM-L6-v2")',
        'a sentence-transformers model',
        `It loads \`"all-MiniLM-L6-v2"\` into memory in each process that imports the module, ${HUB}.`,
        ' as the default value of `model` in `def embed` (evaluated once, when the def runs)',
      ),
    ],
    [
      'import spacy\nclass Parser:\n    nlp = spacy.load("en_core_web_sm")\n',
      3,
      loaded(
        'spacy.load("en_core_web_sm")',
        'a spaCy pipeline',
        'It loads the `"en_core_web_sm"` pipeline (its vocabulary and model weights) into memory in each process that imports the module.',
        ' in the body of class `Parser`',
      ),
    ],
    [
      'import torch\nclass Predictor:\n    def __init__(self, path):\n        self.state = torch.load(path, map_location="cpu")\nPREDICTOR = Predictor("model.pt")\n',
      5,
      `\`Predictor("model.pt")\` creates a checkpoint in memory (\`torch.load(path, map_location="cpu")\` in \`Predictor()\`, line 4) ${WHILE}. It reads \`path\` whole into memory in each process that imports the module, onto the device its tensors were saved from unless \`map_location\` says otherwise, and a forked worker cannot use CUDA once the parent has initialised it. ${IL006_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL006', line, message }]);
  });

  it.each([
    ['inside a function', 'import torch\ndef load():\n    return torch.load("model.pt")\n'],
    ['behind functools.cache', 'import functools\nfrom sentence_transformers import SentenceTransformer\n@functools.cache\ndef model():\n    return SentenceTransformer("all-MiniLM-L6-v2")\n'],
    ['under if __name__ == "__main__"', 'import pandas as pd\nif __name__ == "__main__":\n    print(pd.read_csv("movies.csv").head())\n'],
    ['a local class of the same name', 'class SentenceTransformer:\n    def __init__(self, name):\n        self.name = name\nmodel = SentenceTransformer("x")\n'],
    ['an unrelated module with the same attribute name', 'import mylib\nmodel = mylib.load_model("x")\nnlp = mylib.load("en")\n'],
    ['a small JSON file read and closed', 'import json\nCONFIG = json.load(open("config.json"))\n'],
    [
      'in a FastAPI lifespan',
      'from contextlib import asynccontextmanager\nfrom fastapi import FastAPI\nfrom sentence_transformers import SentenceTransformer\n@asynccontextmanager\nasync def lifespan(app):\n    app.state.model = SentenceTransformer("all-MiniLM-L6-v2")\n    yield\napp = FastAPI(lifespan=lifespan)\n',
    ],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- IL007 ------------------------------------------------------------------------------------

const IL007_FIX = 'Run the command where its result is needed (a function, a management command, a deployment step), not at module level.';
const waits = (args: string): string =>
  `The import waits while ${args} runs to completion, in each process that imports the module, so a slow or hanging command delays or blocks every worker's start-up.`;
const ran = (call: string, what: string, cost: string, where = ''): string => `\`${call}\` creates ${what}${where} ${WHILE}. ${cost} ${IL007_FIX}`;
const GIT = '["git", "describe", "--tags"]';

describe('IL007 subprocess started at import time', () => {
  it.each([
    [
      'import subprocess\nWATCHER = subprocess.Popen(["inotifywait", "-m", "."])\n',
      2,
      ran('subprocess.Popen(["inotifywait", "-m", "."])', 'a child process', 'It starts `["inotifywait", "-m", "."]` in each process that imports the module, and the child runs alongside that process until it exits.'),
    ],
    [`import subprocess\nsubprocess.run(${GIT}, check=True)\n`, 2, ran(`subprocess.run(${GIT}, check=True)`, 'a child process', waits(`\`${GIT}\``))],
    ['import subprocess\nsubprocess.call("make assets", shell=True)\n', 2, ran('subprocess.call("make assets", shell=True)', 'a child process', waits('`"make assets"`'))],
    ['from subprocess import check_call\ncheck_call(["npm", "run", "build"])\n', 2, ran('check_call(["npm", "run", "build"])', 'a child process', waits('`["npm", "run", "build"]`'))],
    [`import subprocess\nVERSION = subprocess.check_output(${GIT}, text=True).strip()\n`, 2, ran(`subprocess.check_output(${GIT}, text=True)`, 'a child process', waits(`\`${GIT}\``))],
    ['import subprocess\nHOST = subprocess.getoutput("hostname")\n', 2, ran('subprocess.getoutput("hostname")', 'a child process', waits('`"hostname"`'))],
    [
      'import os\nos.system("mkdir -p /tmp/cache")\n',
      2,
      ran('os.system("mkdir -p /tmp/cache")', 'a shell', "The import waits while a shell runs `\"mkdir -p /tmp/cache\"` to completion, in each process that imports the module, so a slow or hanging command delays or blocks every worker's start-up."),
    ],
    [
      'import os\nUSERS = os.popen("who").read()\n',
      2,
      ran('os.popen("who")', 'a shell', 'It starts a shell running `"who"` with a pipe to it, in each process that imports the module, and the shell runs on until the pipe is read and closed.'),
    ],
    [
      'import asyncio\nPROC = asyncio.run(asyncio.create_subprocess_exec("redis-server"))\n',
      2,
      ran(
        'asyncio.create_subprocess_exec("redis-server")',
        'a child process',
        'Once the coroutine it returns is run (at import, by an event loop started just for it), it starts `"redis-server"` in each process that imports the module.',
      ),
    ],
    [
      'import asyncio\nPROC = asyncio.run(asyncio.create_subprocess_shell("redis-server &"))\n',
      2,
      ran(
        'asyncio.create_subprocess_shell("redis-server &")',
        'a shell',
        'Once the coroutine it returns is run (at import, by an event loop started just for it), it starts a shell running `"redis-server &"` in each process that imports the module.',
      ),
    ],
    [
      `import subprocess\ndef version(v=subprocess.check_output(${GIT})):\n    return v\n`,
      2,
      ran(`subprocess.check_output(${GIT})`, 'a child process', waits(`\`${GIT}\``), ' as the default value of `v` in `def version` (evaluated once, when the def runs)'),
    ],
    [`import subprocess\nclass Build:\n    VERSION = subprocess.check_output(${GIT})\n`, 3, ran(`subprocess.check_output(${GIT})`, 'a child process', waits(`\`${GIT}\``), ' in the body of class `Build`')],
    [
      `import subprocess\ndef git_version():\n    return subprocess.check_output(${GIT}, text=True)\nVERSION = git_version()\n`,
      4,
      `\`git_version()\` creates a child process (\`subprocess.check_output(${GIT}, text=True)\` in \`git_version()\`, line 3) ${WHILE}. ${waits(`\`${GIT}\``)} ${IL007_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL007', line, message }]);
  });

  it.each([
    ['inside a function', `import subprocess\ndef version():\n    return subprocess.check_output(${GIT})\n`],
    ['behind functools.cache', `import functools\nimport subprocess\n@functools.cache\ndef version():\n    return subprocess.check_output(${GIT})\n`],
    ['under if __name__ == "__main__"', 'import subprocess\nif __name__ == "__main__":\n    subprocess.run(["pytest"])\n'],
    ['the function only referenced, not called', 'import subprocess\nRUN = subprocess.run\n'],
    ['a local function of the same name', 'def run(cmd):\n    return cmd\nrun(["ls"])\n'],
    ['an unrelated module with the same attribute name', 'import mylib\nmylib.system("ls")\nmylib.run(["ls"])\n'],
    ['os calls that start nothing', 'import os\nPID = os.getpid()\nHOME = os.environ.get("HOME")\n'],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- IL008 ------------------------------------------------------------------------------------

const IL008_FIX = 'Open the file where it is used, in a `with` block, or read what you need at import and close it (`Path(p).read_text()`).';
const fileCost = (file: string): string =>
  `It keeps a file descriptor open on ${file} for the life of each process that imported the module, and workers forked from that process share its file offset, so their reads and writes move each other's position.`;
const opened = (call: string, what: string, cost: string, where = ''): string => `\`${call}\` creates ${what}${where} ${WHILE}. ${cost} ${IL008_FIX}`;
const TEMP_COST =
  'It creates a file in the temporary directory and keeps it open for the life of each process that imported the module, one per process, and workers forked from that process share it and its file offset.';
const COMPRESSED_COST =
  "It keeps a file descriptor open on `\"events.jsonl.gz\"` for the life of each process that imported the module, and workers forked from that process share its file offset but each keep their own decompressor state, so one worker's reads leave the others decompressing from the wrong place.";

describe('IL008 file opened at import time and kept open', () => {
  it.each([
    ['_audit_log = open("audit.log", "a")\n', 1, opened('open("audit.log", "a")', 'a file handle', fileCost('`"audit.log"`'))],
    ['import io\nLOG = io.open("app.log", "a", encoding="utf-8")\n', 2, opened('io.open("app.log", "a", encoding="utf-8")', 'a file handle', fileCost('`"app.log"`'))],
    ['import codecs\nOUT = codecs.open("out.txt", "w", "utf-8")\n', 2, opened('codecs.open("out.txt", "w", "utf-8")', 'a file handle', fileCost('`"out.txt"`'))],
    ['import os\nFD = os.open("/var/run/app.lock", os.O_CREAT | os.O_RDWR)\n', 2, opened('os.open("/var/run/app.lock", os.O_CREAT | os.O_RDWR)', 'a file handle', fileCost('`"/var/run/app.lock"`'))],
    ['import gzip\nEVENTS = gzip.open("events.jsonl.gz", "rt")\n', 2, opened('gzip.open("events.jsonl.gz", "rt")', 'a compressed file handle', COMPRESSED_COST)],
    ['import tempfile\nSCRATCH = tempfile.TemporaryFile()\n', 2, opened('tempfile.TemporaryFile()', 'a temporary file', TEMP_COST)],
    ['from tempfile import NamedTemporaryFile\nSCRATCH = NamedTemporaryFile(suffix=".csv")\n', 2, opened('NamedTemporaryFile(suffix=".csv")', 'a temporary file', TEMP_COST)],
    [
      'def log(message, out=open("app.log", "a")):\n    out.write(message)\n',
      1,
      opened('open("app.log", "a")', 'a file handle', fileCost('`"app.log"`'), ' as the default value of `out` in `def log` (evaluated once, when the def runs)'),
    ],
    ['class Audit:\n    log = open("audit.log", "a")\n', 2, opened('open("audit.log", "a")', 'a file handle', fileCost('`"audit.log"`'), ' in the body of class `Audit`')],
    [
      'class Audit:\n    def __init__(self, path):\n        self.log = open(path, "a")\nAUDIT = Audit("audit.log")\n',
      4,
      `\`Audit("audit.log")\` creates a file handle (\`open(path, "a")\` in \`Audit()\`, line 3) ${WHILE}. ${fileCost('`path`')} ${IL008_FIX}`,
    ],
  ])('fires on %j', async (source, line, message) => {
    expect(await findingsOf(source)).toEqual([{ rule: 'IL008', line, message }]);
  });

  it.each([
    ['read and dropped in one expression', 'DATA = open("data.txt").read()\n'],
    ['passed straight into json.load', 'import json\nCONFIG = json.load(open("config.json"))\n'],
    ['written and dropped', 'open("started", "w").write("yes")\n'],
    ['in a with block', 'with open("config.toml", "rb") as f:\n    RAW = f.read()\n'],
    ['inside a function', 'def read_config():\n    f = open("config.json")\n    return f.read()\n'],
    ['under if __name__ == "__main__"', 'if __name__ == "__main__":\n    LOG = open("run.log", "w")\n'],
    ['a local function of the same name', 'def open(path):\n    return path\nLOG = open("run.log")\n'],
    ['an unrelated module with the same attribute name', 'import webbrowser\nOPENED = webbrowser.open("http://localhost")\nimport mylib\nHANDLE = mylib.open("x")\n'],
    ['a Path read', 'from pathlib import Path\nTEXT = Path("README.md").read_text()\n'],
  ])('does not fire %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});

// ---- the rule files themselves -----------------------------------------------------------------

const QUALIFIED = /^[A-Za-z_]\w*(\.(\*|[A-Za-z_]\w*))+$/;

/** Every qualified name the rules match without a `*`: callees, aliases, and the methods of `on` constructors. */
function catalogueNames(rules: readonly Rule[]): string[] {
  const names = rules.flatMap((rule) =>
    rule.matches.flatMap((m) =>
      m.methods ? m.on!.filter((on) => QUALIFIED.test(on)).flatMap((on) => m.methods!.map((method) => `${on}.${method}`)) : [m.callee, ...m.aliases],
    ),
  );
  return [...new Set(names.filter((name) => !name.includes('*')))];
}

describe('catalogue rule files', () => {
  const catalogue = loadRules().filter((r) => /^IL00[3-8]$/.test(r.id));

  it('has IL003 to IL008', () => {
    expect(catalogue.map((r) => r.id)).toEqual(['IL003', 'IL004', 'IL005', 'IL006', 'IL007', 'IL008']);
  });

  it('names qualified names (a `*` stands for one segment) or methods on other rules or constructors, and fills every placeholder', () => {
    const ids = new Set(loadRules().map((r) => r.id));
    for (const rule of catalogue) {
      for (const m of rule.matches) {
        if (m.methods) {
          expect(m.methods.length).toBeGreaterThan(0);
          for (const on of m.on!) expect(ids.has(on) || QUALIFIED.test(on), `${rule.id} on ${on}`).toBe(true);
        } else {
          for (const name of [m.callee, ...m.aliases]) expect(name, `${rule.id} ${name}`).toMatch(QUALIFIED);
        }
        for (const [, placeholder] of m.cost.matchAll(/\{(\w+)\}/g)) {
          expect(m.arguments.map((a) => a.name), `${rule.id} ${m.callee} {${placeholder}}`).toContain(placeholder);
        }
        expect(m.cost.endsWith('.'), `${rule.id} ${m.callee}: the message adds the full stop`).toBe(false);
      }
      expect(rule.fix.endsWith('.')).toBe(true);
    }
  });

  // Truth from the interpreter: a name the library does not have matches code nobody can write.
  it('names only what CPython finds in the libraries installed from test/python/requirements-frameworks.txt', () => {
    const run = spawnSync(venvFile('.venv-frameworks', 'bin', 'python'), [path.join(PROJECT, 'test', 'python', 'qualified_names.py')], {
      input: JSON.stringify(catalogueNames(loadRules())),
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const statuses = Object.entries(JSON.parse(run.stdout) as Record<string, string>);
    expect(statuses.filter(([, status]) => status !== 'ok' && !status.startsWith('not installed: '))).toEqual([]);
    // valkey, statsd and stripe are not on the package index this project installs from: their
    // names were read from their sources (valkey-py 6.x, pystatsd 4.0, stripe-python 8 and later).
    const checked = new Set(statuses.filter(([, status]) => status === 'ok').map(([name]) => name.split('.')[0]));
    for (const library of ['sqlmodel', 'sqlalchemy', 'redis', 'boto3', 'requests', 'urllib3', 'apscheduler', 'socket', 'threading']) {
      expect(checked.has(library), library).toBe(true);
    }
  });

  it('gives each qualified name to one rule only (a match with a target condition narrows another rule\'s)', () => {
    const owner = new Map<string, string>();
    for (const rule of loadRules()) {
      for (const m of rule.matches) {
        if (m.target) continue;
        for (const name of m.callee ? [m.callee, ...m.aliases] : []) {
          expect(owner.get(name), `${name} is in ${owner.get(name)} and ${rule.id}`).toBeUndefined();
          owner.set(name, rule.id);
        }
      }
    }
    expect(qualifiedNameMatches('google.cloud.*.Client', 'google.cloud.storage.Client')).toBe(true);
    expect(qualifiedNameMatches('transformers.*.from_pretrained', 'transformers.AutoModel.from_pretrained')).toBe(true);
  });
});

// ---- cases that need more than a qualified name ---------------------------------------------------

/**
 * Each case needs the engine to follow something beyond the call itself: an object kept on
 * `self`, a start in a called function, an argument that must be given, a `with` that does not
 * close, a helper used as a with item, a kept attribute or item, a method of a constructed object.
 */
describe('beyond the qualified name', () => {
  // `target:` a thread whose target runs a `schedule`/`sched` loop, a timer that re-arms itself: IL003, not IL002.
  it('IL003: a thread driving a schedule loop, a sched.scheduler run on a thread, a timer chain; IL002 for a plain thread', async () => {
    const source = [
      'import sched, threading, time',
      'import schedule',
      'def run_schedule():',
      '    while True:',
      '        schedule.run_pending()',
      '        time.sleep(1)',
      'threading.Thread(target=run_schedule, daemon=True).start()',
      'def tick():',
      '    threading.Timer(60, tick).start()',
      'threading.Timer(60, tick).start()',
      's = sched.scheduler(time.time, time.sleep)',
      'def loop():',
      '    s.run()',
      't = threading.Thread(None, loop)',
      't.start()',
      'threading.Thread(target=print).start()',
      'threading.Timer(5, print).start()',
      '',
    ].join('\n');
    expect((await findingsOf(source)).map((f) => `${f.rule}:${f.line}`)).toEqual(['IL003:7', 'IL003:10', 'IL003:15', 'IL002:16', 'IL002:17']);
  });
  it('IL003: the timer chain message names the function and the interval', async () => {
    const [finding] = await findingsOf('import threading\ndef tick():\n    threading.Timer(60, tick).start()\nthreading.Timer(60, tick).start()\n');
    expect(finding!.message).toContain('`threading.Timer(60, tick).start()` starts a self-rearming timer chain');
    expect(finding!.message).toContain('`tick` starts a new `threading.Timer` each time it runs, so from import on a timer thread fires every 60 seconds');
  });
  // `requires: start` follows `self.x.start()` in one method, and a start in a called function.
  it('IL003: a scheduler kept on self and started in __init__', async () => {
    const source = `${BG}class Jobs:\n    def __init__(self):\n        self.scheduler = BackgroundScheduler()\n        self.scheduler.start()\nJOBS = Jobs()\n`;
    expect((await findingsOf(source)).map((f) => f.rule)).toEqual(['IL003']);
  });
  it('IL003: a module-level scheduler started by a function that module-level code calls', async () => {
    const source = `${BG}scheduler = BackgroundScheduler()\ndef init():\n    scheduler.start()\ninit()\n`;
    expect((await findingsOf(source)).map((f) => f.rule)).toEqual(['IL003']);
  });
  // `when-given: host`: SMTP and FTP connect only when given a host.
  it('IL005: SMTP() and FTP() with no host open nothing', async () => {
    expect(await findingsOf('import ftplib\nimport smtplib\nftp = ftplib.FTP()\nmailer = smtplib.SMTP()\n')).toEqual([]);
  });
  // `with-closes: false`: these context managers only end a transaction.
  it('IL005: `with sqlite3.connect(...)` leaves the connection open', async () => {
    const source = 'import sqlite3\nwith sqlite3.connect("app.db") as conn:\n    conn.execute("create table if not exists t (x)")\n';
    expect((await findingsOf(source)).map((f) => f.rule)).toEqual(['IL005']);
  });
  // What a helper returns as a `with` item is closed by the block.
  it('IL004: a client built by a helper called as a with item is closed by the block', async () => {
    const source = 'import requests\ndef make_session():\n    return requests.Session()\nwith make_session() as session:\n    session.get("http://localhost")\n';
    expect(await findingsOf(source)).toEqual([]);
  });
  // `requires: bound` at module level counts attributes and items too.
  it('IL008: a file kept on a module-level attribute or dict item', async () => {
    const source = 'import types\nLOGS = {}\nLOGS["audit"] = open("audit.log", "a")\nns = types.SimpleNamespace()\nns.log = open("app.log", "a")\n';
    expect((await findingsOf(source)).map((f) => f.rule)).toEqual(['IL008', 'IL008']);
  });
  // A method of a constructed object is matched as `<class>.<method>`: `pathlib.Path.open`.
  it('IL008: Path(p).open() kept at module level', async () => {
    const source = 'from pathlib import Path\nLOG = Path("app.log").open("a")\n';
    expect((await findingsOf(source)).map((f) => f.rule)).toEqual(['IL008']);
  });
});

// ---- issue 12: the resources real code uses ---------------------------------------------------

const VALKEY_COST =
  'It opens no connection until its first command; from then on its pool keeps every connection it opened for the life of each process that imported it (valkey-py, a fork of redis-py, notices a fork and opens fresh connections in the child).';
const VALKEY_ASYNC_COST =
  'It opens no connection until its first command; from then on it keeps its connections for the life of each process that imported it, and they belong to the event loop that opened them, so using the client from another loop fails.';
const statsdCost = (host: string): string =>
  `It looks ${host} up in DNS and opens a UDP socket as soon as it is created, in each process that imported the module, so the import waits on the resolver and fails (\`socket.gaierror\`) when the name does not resolve; the address is looked up only then, so a statsd server that moves is not followed until the process restarts.`;
const STATSD_STREAM_COST =
  'It opens no connection until its first metric (or `connect()`); from then on it keeps one connection to statsd for the life of each process that imported it, and a connection it opened before a fork is shared by every forked worker, whose metrics then interleave on one stream.';
const STRIPE_COST =
  'It opens no connection until its first request; from then on each thread that calls it keeps its own `requests` session (when `requests` is installed) with pooled connections to the Stripe API for the life of each process that imported it, and connections opened before a fork are shared by every forked worker.';
const SOCKET_CONNECT_COST =
  'It connects the socket made at import as soon as it is called, so the import waits for the peer and fails when it is down, in each process that imported the module; a socket connected before a fork is shared by every forked worker, whose reads and writes then interleave.';
const REDIS_CLUSTER_COST =
  'It connects to its startup nodes and asks the cluster for its slot map as soon as it is created, in each process that imported the module, so the import waits on the cluster and fails when no node answers; from then on it keeps a connection pool per node for the life of that process.';
const PUBSUB_COST =
  "It takes a connection of its own from its client's pool at its first `subscribe()` and keeps it out of the pool for the life of each process that imported it, and messages wait on that connection until something reads them (`get_message()`, `listen()` or `run_in_thread()`).";

describe('the resources real code uses (issue 12)', () => {
  it.each([
    [
      'sqlmodel.create_engine, the same engine as SQLAlchemy',
      'from sqlmodel import create_engine\nengine = create_engine("postgresql://app", pool_size=10)\n',
      [{ rule: 'IL004', line: 2, message: client('create_engine("postgresql://app", pool_size=10)', 'a database engine', engineCost('10')) }],
    ],
    [
      "valkey's redis-compatible names: StrictRedis, from_url",
      'import valkey\ncache = valkey.StrictRedis(host="cache")\nqueue = valkey.from_url("valkey://queue")\n',
      [
        { rule: 'IL004', line: 2, message: client('valkey.StrictRedis(host="cache")', 'a Valkey client', VALKEY_COST) },
        { rule: 'IL004', line: 3, message: client('valkey.from_url("valkey://queue")', 'a Valkey client', VALKEY_COST) },
      ],
    ],
    [
      'a Redis Cluster client (redis-py and Valkey), which asks the cluster for its slots as it is built',
      'from redis.cluster import RedisCluster\nimport valkey\nnodes = RedisCluster(host="cache", port=7000)\nreplica = valkey.ValkeyCluster.from_url("valkey://cache:7000")\n',
      [
        { rule: 'IL004', line: 3, message: client('RedisCluster(host="cache", port=7000)', 'a Redis Cluster client', REDIS_CLUSTER_COST) },
        { rule: 'IL004', line: 4, message: client('valkey.ValkeyCluster.from_url("valkey://cache:7000")', 'a Redis Cluster client', REDIS_CLUSTER_COST) },
      ],
    ],
    [
      'valkey.asyncio.Redis.from_url',
      'from valkey.asyncio import Redis\ncache = Redis.from_url("valkey://cache")\n',
      [{ rule: 'IL004', line: 2, message: client('Redis.from_url("valkey://cache")', 'an async Valkey client', VALKEY_ASYNC_COST) }],
    ],
    [
      'statsd clients: the UDP one resolves its host at once, the TCP one connects when asked',
      'from statsd import StatsClient, TCPStatsClient\nmetrics = StatsClient("statsd.internal", 8125, prefix="app")\nstream = TCPStatsClient(host="statsd.internal")\nstream.connect()\n',
      [
        { rule: 'IL004', line: 2, message: client('StatsClient("statsd.internal", 8125, prefix="app")', 'a statsd client', statsdCost('`"statsd.internal"`')) },
        { rule: 'IL004', line: 3, message: client('TCPStatsClient(host="statsd.internal")', 'a statsd stream client', STATSD_STREAM_COST) },
        { rule: 'IL005', line: 4, message: connection('stream.connect()', 'a live connection', ROUND_TRIP_COST) },
      ],
    ],
    [
      'statsd.StatsClient() with its default host',
      'import statsd\nMETRICS = statsd.StatsClient()\n',
      [{ rule: 'IL004', line: 2, message: client('statsd.StatsClient()', 'a statsd client', statsdCost("`'localhost'` (the default)")) }],
    ],
    [
      'a Stripe client',
      'import stripe\nclient = stripe.StripeClient("sk_test_123")\n',
      [{ rule: 'IL004', line: 2, message: client('stripe.StripeClient("sk_test_123")', 'a Stripe client', STRIPE_COST) }],
    ],
    [
      'socket.socket() then .connect()',
      'import socket\nsock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)\nsock.connect(("localhost", 6379))\n',
      [{ rule: 'IL005', line: 3, message: connection('sock.connect(("localhost", 6379))', 'a socket connection', SOCKET_CONNECT_COST) }],
    ],
    [
      'a client made by a session: boto3.session.Session().client("s3")',
      'import boto3\ns3 = boto3.session.Session().client("s3")\nsession = boto3.Session()\ntable = session.resource("dynamodb").Table("jobs")\n',
      [
        { rule: 'IL004', line: 2, message: client('boto3.session.Session()', 'an AWS session', BOTO3_SESSION_COST) },
        { rule: 'IL004', line: 2, message: client('boto3.session.Session().client("s3")', 'an AWS client', BOTO3_CLIENT_COST) },
        { rule: 'IL004', line: 3, message: client('boto3.Session()', 'an AWS session', BOTO3_SESSION_COST) },
        { rule: 'IL004', line: 4, message: client('session.resource("dynamodb")', 'an AWS resource', BOTO3_RESOURCE_COST) },
      ],
    ],
    [
      'a Pub/Sub object made by a Redis client',
      'import redis\nr = redis.Redis(host="cache")\nevents = r.pubsub()\nevents.subscribe("jobs")\n',
      [
        { rule: 'IL004', line: 2, message: client('redis.Redis(host="cache")', 'a Redis client', REDIS_COST) },
        { rule: 'IL004', line: 3, message: client('r.pubsub()', 'a Redis Pub/Sub object', PUBSUB_COST) },
      ],
    ],
    [
      'es.info() in a retry loop that sleeps between tries',
      'import time\nfrom elasticsearch import Elasticsearch\nes = Elasticsearch("http://search:9200")\nfor attempt in range(30):\n    try:\n        es.info()\n        break\n    except Exception:\n        time.sleep(2)\n',
      [
        { rule: 'IL004', line: 3, message: client('Elasticsearch("http://search:9200")', 'an Elasticsearch client', ELASTICSEARCH_COST) },
        { rule: 'IL005', line: 6, message: connection('es.info()', 'a live connection', ROUND_TRIP_COST) },
      ],
    ],
    [
      'ping() as the condition of a wait loop',
      'import time\nimport redis\ncache = redis.Redis(host="cache")\nwhile not cache.ping():\n    time.sleep(1)\n',
      [
        { rule: 'IL004', line: 3, message: client('redis.Redis(host="cache")', 'a Redis client', REDIS_COST) },
        { rule: 'IL005', line: 4, message: connection('cache.ping()', 'a Redis connection', REDIS_COMMAND_COST) },
      ],
    ],
    [
      'server_info() on a MongoDB client',
      'from pymongo import MongoClient\nmongo = MongoClient("mongodb://db")\nmongo.server_info()\n',
      [
        { rule: 'IL004', line: 2, message: client('MongoClient("mongodb://db")', 'a MongoDB client', MONGO_COST) },
        { rule: 'IL005', line: 3, message: connection('mongo.server_info()', 'a live connection', ROUND_TRIP_COST) },
      ],
    ],
  ])('fires on %s', async (_, source, expected) => {
    expect(await findingsOf(source)).toEqual(expected);
  });

  it.each([
    ['info() on a logger', 'import logging\nlog = logging.getLogger(__name__)\nlog.info("ready")\n'],
    ['a socket that is never connected', 'import socket\nsock = socket.socket()\nsock.setblocking(False)\n'],
    ['connect() on a socket made inside a function', 'import socket\ndef probe():\n    s = socket.socket()\n    s.connect(("localhost", 6379))\n'],
    ['pubsub() on an object no rule made', 'class Broker:\n    def pubsub(self):\n        return self\nBroker().pubsub()\n'],
    ['a local class named StatsClient', 'class StatsClient:\n    pass\nMETRICS = StatsClient()\n'],
    ['ping() in a loop inside a function', 'import time, redis\ncache = redis.Redis()\ndef wait():\n    while not cache.ping():\n        time.sleep(1)\n'],
  ])('does not fire on %s', async (_, source) => {
    const findings = await findingsOf(source);
    expect(findings.filter((f) => f.rule !== 'IL004')).toEqual([]);
  });
});

describe('project subclasses of catalogued classes, in any module (issue 12)', () => {
  const files = {
    'pkg/__init__.py': 'from .http import ConfiguredSession as HttpSession\n',
    'pkg/http.py': 'import requests\n\n\nclass ConfiguredSession(requests.Session):\n    def __init__(self):\n        super().__init__()\n        self.headers["User-Agent"] = "app"\n',
    'pkg/api.py': 'from .http import ConfiguredSession\n\n\nclass ApiSession(ConfiguredSession):\n    pass\n',
    'pkg/pools.py': 'from concurrent.futures import ThreadPoolExecutor\n\n\nclass NamedPool(ThreadPoolExecutor):\n    pass\n',
    'pkg/jobs.py': 'from apscheduler.schedulers.background import BackgroundScheduler\n\n\nclass Jobs(BackgroundScheduler):\n    pass\n',
    'pkg/mod.py': [
      'from pkg.http import ConfiguredSession',
      'from . import api, jobs',
      'from .pools import NamedPool',
      'SESSION = ConfiguredSession()',
      'API = api.ApiSession()',
      'POOL = NamedPool(4)',
      'jobs.Jobs().start()',
      'import pkg',
      'LEGACY = pkg.HttpSession()',
      '',
    ].join('\n'),
  };
  const where = 'while `pkg.mod` is imported, but no entry found imports it at start-up.';

  it('reports each with the rule of the library class it derives from', async () => {
    expect(await findingsOf(files)).toEqual([
      { rule: 'IL004', line: 4, message: `\`ConfiguredSession()\` creates an HTTP session ${where} ${REQUESTS_COST} ${IL004_FIX}` },
      { rule: 'IL004', line: 5, message: `\`api.ApiSession()\` creates an HTTP session ${where} ${REQUESTS_COST} ${IL004_FIX}` },
      {
        rule: 'IL001',
        line: 6,
        message: `\`NamedPool(4)\` creates a thread pool ${where} It starts no thread until its first \`submit()\`; from then on up to 4 threads live for the life of each process that imported it. Create it on first use (a getter that builds it once, e.g. behind \`functools.cache\`), or in a post-fork hook, not at module level.`,
      },
      { rule: 'IL003', line: 7, message: `\`jobs.Jobs().start()\` starts a background scheduler ${where} ${BACKGROUND_COST} ${IL003_FIX}` },
      // Re-exported under another name by the package.
      { rule: 'IL004', line: 9, message: `\`pkg.HttpSession()\` creates an HTTP session ${where} ${REQUESTS_COST} ${IL004_FIX}` },
    ]);
  });

  it('does not take a project class of the same name as the library one, nor a class that derives from no catalogued class', async () => {
    const source = {
      'app/__init__.py': '',
      'app/requests.py': 'class Session:\n    pass\n',
      'app/mod.py': 'from app import requests\n\n\nclass Plain:\n    pass\n\n\nclass Mine(requests.Session):\n    pass\n\n\nS = Mine()\nP = Plain()\n',
    };
    expect(await findingsOf(source)).toEqual([]);
  });
});

describe('a resource held in an attribute and started later (issue 12)', () => {
  it('IL003: `state.scheduler = BackgroundScheduler()` then `state.scheduler.start()`', async () => {
    const source = `import types\n${BG}state = types.SimpleNamespace()\nstate.scheduler = BackgroundScheduler()\nstate.scheduler.start()\n`;
    expect(await findingsOf(source)).toEqual([
      { rule: 'IL003', line: 5, message: `\`state.scheduler.start()\` starts a background scheduler (created on line 4) ${WHILE}. ${BACKGROUND_COST} ${IL003_FIX}` },
    ]);
  });
  it('IL005: a client on an imported object pinged at module level', async () => {
    const source = {
      'app/__init__.py': '',
      'app/state.py': '',
      'app/mod.py': 'import redis\nfrom app import state\nstate.cache = redis.Redis(host="cache")\nstate.cache.ping()\n',
    };
    expect((await findingsOf(source)).map((f) => `${f.rule}:${f.line}`)).toEqual(['IL004:3', 'IL005:4']);
  });
  it.each([
    ['another target text', `import types\n${BG}state = types.SimpleNamespace(scheduler=None)\nother = types.SimpleNamespace()\nother.scheduler = BackgroundScheduler()\nstate.scheduler.start()\n`],
    ['the holder rebound in between', `import types\n${BG}state = types.SimpleNamespace()\nstate.scheduler = BackgroundScheduler()\nstate = types.SimpleNamespace()\nstate.scheduler.start()\n`],
    ['the attribute reassigned in between', `import types\n${BG}state = types.SimpleNamespace()\nstate.scheduler = BackgroundScheduler()\nstate.scheduler = None\nstate.scheduler.start()\n`],
    ['a parameter of the same name in a function', `import types\n${BG}state = types.SimpleNamespace()\nstate.scheduler = BackgroundScheduler()\ndef boot(state):\n    state.scheduler.start()\nboot(types.SimpleNamespace())\n`],
  ])('IL003 does not fire for %s', async (_, source) => {
    expect(await findingsOf(source)).toEqual([]);
  });
});
