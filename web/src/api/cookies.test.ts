import { describe, expect, it } from 'vitest';
import { CSRF_COOKIE, readCookie } from './cookies';

describe('readCookie', () => {
  it('finds a cookie among others, whatever the spacing', () => {
    expect(readCookie('a=1; nicecream_history_csrf=tok123;b=2', CSRF_COOKIE)).toBe('tok123');
    expect(readCookie('nicecream_history_csrf=first', CSRF_COOKIE)).toBe('first');
  });

  it('returns null when the cookie is absent or the string is empty', () => {
    expect(readCookie('', CSRF_COOKIE)).toBeNull();
    expect(readCookie('other=1; junk', CSRF_COOKIE)).toBeNull();
  });

  it('does not match a cookie whose name merely ends or starts the same', () => {
    expect(readCookie('xnicecream_history_csrf=no; nicecream_history_csrf_old=no', CSRF_COOKIE)).toBeNull();
  });

  it('decodes percent-encoding and strips quotes, keeps "=" inside values', () => {
    expect(readCookie('nicecream_history_csrf=a%2Bb%3D', CSRF_COOKIE)).toBe('a+b=');
    expect(readCookie('nicecream_history_csrf="quoted"', CSRF_COOKIE)).toBe('quoted');
    expect(readCookie('nicecream_history_csrf=abc==', CSRF_COOKIE)).toBe('abc==');
  });

  it('keeps a value that is not valid percent-encoding as it is', () => {
    expect(readCookie('nicecream_history_csrf=100%', CSRF_COOKIE)).toBe('100%');
  });

  it('reads the value from document.cookie in the browser', () => {
    document.cookie = 'nicecream_history_csrf=from-document; path=/';
    expect(readCookie(document.cookie, CSRF_COOKIE)).toBe('from-document');
  });
});
