import type { HistoryItem } from '../../api/types';
import type { SongBookmarking } from '../../hooks/use-bookmark-toggle';
import { BookmarkButton } from '../BookmarkButton/BookmarkButton';
import { SongLinks } from '../SongLinks/SongLinks';
import { WatchButton } from '../WatchButton/WatchButton';

interface SongActionsProps {
  item: HistoryItem;
  bookmarking: SongBookmarking;
  /** Classes of the group, which places it in its row or card. */
  class: string;
}

/** What can be done with a played song: search for it elsewhere, be told when it plays again, bookmark it. */
export function SongActions({ item, bookmarking, class: className }: SongActionsProps) {
  return (
    <div class={className}>
      <SongLinks title={item.song_title} />
      <WatchButton draft={{ kind: 'song', song_id: item.song_id }} what={item.song_title} />
      <BookmarkButton
        title={item.song_title}
        bookmarked={item.bookmark_id > 0}
        signedIn={bookmarking.signedIn}
        pending={bookmarking.pending.has(item.song_id)}
        onToggle={() => bookmarking.toggle(item)}
      />
    </div>
  );
}
