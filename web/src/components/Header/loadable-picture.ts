// The server's Content-Security-Policy lets the page load images from its own origin, https and
// data: URLs only. A picture anywhere else (an identity provider may hand out http URLs) would
// only be blocked, with a policy violation in the console: the initial stands in for it instead.

/** Whether the page at `pageUrl` may load the picture at `picture`. */
export function isLoadablePicture(picture: string, pageUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(picture, pageUrl);
  } catch {
    return false;
  }
  return url.protocol === 'https:' || url.protocol === 'data:' || url.origin === new URL(pageUrl).origin;
}
