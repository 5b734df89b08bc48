import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { useFeedLink } from './use-feed-link';

function Page({ href }: { href: string | null }) {
  useFeedLink(href, 'A feed');
  return null;
}

const feedLinks = () => document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]');

describe('useFeedLink', () => {
  it('adds the feed link while the page is shown and removes it on leave', () => {
    const page = render(<Page href="/songs/7/feed.atom" />);
    expect(feedLinks()).toHaveLength(1);
    expect(feedLinks()[0]?.getAttribute('href')).toBe('/songs/7/feed.atom');
    expect(feedLinks()[0]?.getAttribute('title')).toBe('A feed');
    page.rerender(<Page href="/songs/8/feed.atom" />);
    expect(feedLinks()).toHaveLength(1);
    expect(feedLinks()[0]?.getAttribute('href')).toBe('/songs/8/feed.atom');
    page.rerender(<Page href={null} />);
    expect(feedLinks()).toHaveLength(0);
    page.rerender(<Page href="/songs/8/feed.atom" />);
    page.unmount();
    expect(feedLinks()).toHaveLength(0);
  });
});
