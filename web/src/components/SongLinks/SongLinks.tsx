import { soundcloudSearchUrl, youtubeSearchUrl } from '../../history/search-links';
import { Icon } from '../Icon/Icon';

/** Links that search for the song on YouTube and SoundCloud, in a new tab. */
export function SongLinks({ title }: { title: string }) {
  return (
    <>
      <a
        class="btn btn-sm btn-link link-youtube"
        href={youtubeSearchUrl(title)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`Search YouTube for ${title} (opens in a new tab)`}
        title="Search on YouTube"
      >
        <Icon name="youtube" />
      </a>
      <a
        class="btn btn-sm btn-link link-soundcloud"
        href={soundcloudSearchUrl(title)}
        target="_blank"
        rel="noopener noreferrer"
        aria-label={`Search SoundCloud for ${title} (opens in a new tab)`}
        title="Search on SoundCloud"
      >
        <Icon name="cloud" />
      </a>
    </>
  );
}
