// Station health, as any visitor sees it (issue 14, point 6): a station that cannot be read says so
// on its now-playing card, with since when and why, and the history shows the time it gave nothing
// as a row of its own; both change live, and both are gone or closed once the station is back.
import { expect, test } from './fixtures';
import { channelHealth, gapRows, liveStatus, nowPlayingCard, openApp } from './lib/app';
import { environment } from './lib/environment';
import { screenshotAtBothWidths } from './lib/screenshots';
import { setStationMode, titleOnStation } from './lib/stations';

const station = environment.channelNames[2]!;
// en-GB in UTC (playwright.config.ts): "16:52", or "5 Dec 2026, 16:52" on another day.
const TIME = '(?:\\d{1,2} \\w{3} \\d{4}, )?\\d{2}:\\d{2}';

test('a station that cannot be read: its card says Unreachable and why, the history shows the gap inline, then it is back', async ({
  page,
}) => {
  await openApp(page, '/');
  await expect(liveStatus(page)).toHaveText('Live');
  await expect(channelHealth(page, station)).toHaveCount(0);
  const playing = await titleOnStation(station);

  try {
    await setStationMode(station, '500');

    // Live, without a reload: the card, and an ongoing gap in the list.
    await expect(channelHealth(page, station)).toHaveText(new RegExp(`^Unreachable since ${TIME} — HTTP 500$`));
    await expect(nowPlayingCard(page, station).locator('.song-title')).toHaveText(playing);
    await expect(gapRows(page, station)).toHaveText([new RegExp(`^No data since ${TIME}: station unreachable \\(HTTP 500\\)${station}$`)]);

    // The server says the same to a page loaded now (GET /channels, /history?gaps=true).
    await page.reload();
    await expect(channelHealth(page, station)).toHaveText(new RegExp(`^Unreachable since ${TIME} — HTTP 500$`));
    await expect(gapRows(page, station).first()).toHaveText(new RegExp(`^No data since ${TIME}: station unreachable \\(HTTP 500\\)`));
    await screenshotAtBothWidths(page, 'health-unreachable');
  } finally {
    await setStationMode(station, 'ok');
  }

  // Back: the card says nothing more, and the gap is closed, live and after a reload.
  await expect(channelHealth(page, station)).toHaveCount(0);
  await expect(gapRows(page, station).first()).toHaveText(new RegExp(`^No data ${TIME}–${TIME}: station unreachable \\(HTTP 500\\)`));
  await page.reload();
  await expect(liveStatus(page)).toHaveText('Live');
  await expect(channelHealth(page, station)).toHaveCount(0);
  await expect(gapRows(page, station).first()).toHaveText(new RegExp(`^No data ${TIME}–${TIME}: station unreachable \\(HTTP 500\\)`));
  await expect(gapRows(page, station).filter({ hasText: 'since' })).toHaveCount(0);
});
