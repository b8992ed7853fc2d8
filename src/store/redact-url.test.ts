import { describe, expect, it } from 'vitest';
import { redactUrl } from './redact-url.js';

describe('redactUrl', () => {
  it('hides the password of a URL and keeps the user, host and database', () => {
    expect(redactUrl('postgres://user:s3cret@db.example.org:5432/news')).toBe('postgres://user:***@db.example.org:5432/news');
    expect(redactUrl('cannot open store postgresql://u:p%40ss@h/db: refused')).toBe('cannot open store postgresql://u:***@h/db: refused');
    expect(redactUrl('nats://worker:hunter2@queue:4222')).toBe('nats://worker:***@queue:4222');
  });
  it('hides a password with an unescaped @ or colon in it', () => {
    expect(redactUrl('postgres://u:a@b:c@host/db')).toBe('postgres://u:***@host/db');
    expect(redactUrl('postgres://:only@host/db')).toBe('postgres://:***@host/db');
  });
  it("hides a NATS token (user info without a colon) but not a PostgreSQL user's name", () => {
    expect(redactUrl('nats://s3cret-token@queue:4222')).toBe('nats://***@queue:4222');
    expect(redactUrl('postgres://postgres@127.0.0.1:5432/test')).toBe('postgres://postgres@127.0.0.1:5432/test');
  });
  it('hides password settings in a query string or a connection string', () => {
    expect(redactUrl('postgres://h/db?user=u&password=s3cret&sslmode=require')).toBe('postgres://h/db?user=u&password=***&sslmode=require');
    expect(redactUrl("host=h sslpassword='a b' password=x dbname=d")).toBe('host=h sslpassword=*** password=*** dbname=d');
  });
  it('leaves text without secrets as it is', () => {
    for (const s of ['./standpoint.db', 'sqlite:///tmp/x.db', 'http://127.0.0.1:8080/api/', 'nats://127.0.0.1:4222', 'a@b.c wrote: x:y']) expect(redactUrl(s)).toBe(s);
  });
});
