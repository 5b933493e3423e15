// Redis URLs as --backend and --redis take them: host, port, database, credentials, TLS; a
// message naming what is wrong for anything else; passwords hidden in messages.
import { describe, expect, it } from 'vitest';
import { redisOptions, shownUrl } from './connection.ts';

describe('Redis URLs', () => {
  it('read host, port (6379 by default), database and credentials', () => {
    expect(redisOptions('redis://10.0.0.5')).toEqual({ host: '10.0.0.5', port: 6379, db: 0 });
    expect(redisOptions('redis://queue.example:7000/3')).toEqual({ host: 'queue.example', port: 7000, db: 3 });
    expect(redisOptions('rediss://ops:p%40ss@queue.example:6380')).toEqual({ host: 'queue.example', port: 6380, db: 0, username: 'ops', password: 'p@ss', tls: {} });
    expect(redisOptions('redis://[::1]:6379')).toMatchObject({ host: '::1', port: 6379 });
  });

  it('name what is wrong', () => {
    expect(redisOptions('localhost:6379')).toBe('expected a redis:// or rediss:// URL, got localhost:6379');
    expect(redisOptions('http://x:1')).toBe('expected a redis:// or rediss:// URL, got http://x:1');
    expect(redisOptions('redis://h:1/two')).toBe('expected a database number after the port (redis://HOST:PORT/DB), got redis://h:1/two');
    expect(redisOptions('redis://x:y:z')).toBe('expected a Redis URL such as redis://127.0.0.1:6379, got redis://x:y:z');
  });

  it('hide passwords when shown', () => {
    expect(shownUrl('redis://ops:secret@h:1/2')).toBe('redis://ops:***@h:1/2');
    expect(shownUrl('redis://h:1')).toBe('redis://h:1');
  });
});
