import { songUrl } from '../../catalog/urls';

/** A song's title, linked to its page: every title in the app leads there. */
export function SongTitleLink({ songId, title, class: className = '' }: { songId: number; title: string; class?: string }) {
  return (
    <a class={`song-link ${className}`.trim()} href={songUrl(songId)}>
      {title}
    </a>
  );
}
