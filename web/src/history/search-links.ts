// Where a song can be looked up; the radio stations give only a title.

export function youtubeSearchUrl(title: string): string {
  return `https://www.youtube.com/results?${new URLSearchParams({ search_query: title }).toString()}`;
}

export function soundcloudSearchUrl(title: string): string {
  return `https://soundcloud.com/search?${new URLSearchParams({ q: title }).toString()}`;
}
