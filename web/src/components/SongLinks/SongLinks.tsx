import { soundcloudSearchUrl, youtubeSearchUrl } from '../../history/search-links';
import type { IconName } from '../Icon/icons';
import { Icon } from '../Icon/Icon';

const SEARCHES: readonly { site: string; class: string; icon: IconName; url: (title: string) => string }[] = [
  { site: 'YouTube', class: 'link-youtube', icon: 'youtube', url: youtubeSearchUrl },
  { site: 'SoundCloud', class: 'link-soundcloud', icon: 'cloud', url: soundcloudSearchUrl },
];

/** Links that search for the song on YouTube and SoundCloud, in a new tab. */
export function SongLinks({ title }: { title: string }) {
  return (
    <>
      {SEARCHES.map((search) => (
        <a
          key={search.site}
          class={`btn btn-sm btn-link ${search.class}`}
          href={search.url(title)}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={`Search ${search.site} for ${title} (opens in a new tab)`}
          title={`Search on ${search.site}`}
        >
          <Icon name={search.icon} />
        </a>
      ))}
    </>
  );
}
