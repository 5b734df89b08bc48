import { describe, expect, it } from 'vitest';
import { isLoadablePicture } from './loadable-picture';

const PAGE = 'http://127.0.0.1:8080/bookmarks';

describe('isLoadablePicture', () => {
  it.each([
    'https://lh3.googleusercontent.com/a/photo.jpg',
    'https://127.0.0.1/pictures/ada.png',
    'http://127.0.0.1:8080/pictures/ada.png',
    '/pictures/ada.png',
    'data:image/png;base64,iVBORw0KGgo=',
  ])('loads %s', (picture) => {
    expect(isLoadablePicture(picture, PAGE)).toBe(true);
  });

  it.each([
    'http://127.0.0.1/pictures/ada.png',
    'http://example.com/ada.png',
    'ftp://example.com/ada.png',
    'javascript:alert(1)',
    'http://[not a url',
  ])('does not try %s', (picture) => {
    expect(isLoadablePicture(picture, PAGE)).toBe(false);
  });
});
