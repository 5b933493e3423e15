// Where the Redis queue lives: a redis:// (or rediss://) URL read into connection options, the
// queue's name (one per code fingerprint) and the keys jitsim keeps beside BullMQ's own.
import type { RedisOptions } from 'ioredis';
import { codeFingerprint } from './job-key.ts';

/** How long stored results and scenarios stay in Redis: long enough to resume a sweep days later. */
export const KEEP_SECONDS = 30 * 24 * 3600;

/** The URL's host, port, database and credentials; a message naming what is wrong otherwise. */
export function redisOptions(url: string): RedisOptions | string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `expected a Redis URL such as redis://127.0.0.1:6379, got ${url}`;
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') return `expected a redis:// or rediss:// URL, got ${url}`;
  if (!u.hostname) return `expected a host in the Redis URL, got ${url}`;
  const port = u.port ? Number(u.port) : 6379;
  const path = u.pathname.replace(/^\//, '');
  const db = path === '' ? 0 : Number(path);
  if (!Number.isInteger(db) || db < 0) return `expected a database number after the port (redis://HOST:PORT/DB), got ${url}`;
  return {
    host: u.hostname.replace(/^\[|\]$/g, ''), port, db,
    ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
    ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/** The URL with any password hidden, for messages. */
export function shownUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** The BullMQ queue for this code: workers with other code listen on their own, never mixing results. */
export function queueName(): string {
  return `jitsim-${codeFingerprint()}`;
}

export const resultKey = (jobId: string) => `jitsim:result:${jobId}`;
export const scenarioKey = (hash: string) => `jitsim:scenario:${hash}`;
/** A scenario's data tables (orders.csv, skus.csv as read), V8-serialised beside its JSON. */
export const tablesKey = (hash: string) => `jitsim:tables:${hash}`;
