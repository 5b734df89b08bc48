// The HTML another site pastes to show a channel's now-playing card: the same iframe the server's
// oEmbed answer gives (GET /oembed), so both stay alike.
export const EMBED_WIDTH = 360;
export const EMBED_HEIGHT = 120;

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippet(origin: string, channelId: number, channelName: string): string {
  const src = `${origin}/embed/channels/${channelId}`;
  const title = escapeAttribute(`${channelName}: now playing`);
  return `<iframe src="${src}" width="${EMBED_WIDTH}" height="${EMBED_HEIGHT}" title="${title}" style="border:0" loading="lazy"></iframe>`;
}
