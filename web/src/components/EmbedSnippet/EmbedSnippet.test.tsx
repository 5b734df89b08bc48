import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmbedSnippet } from './EmbedSnippet';
import { embedSnippet } from './embed-snippet';

describe('embedSnippet', () => {
  it('is the iframe of the channel card, its title escaped', () => {
    expect(embedSnippet('https://radio.example', 3, 'Jazz "<Nights>" & Co')).toBe(
      '<iframe src="https://radio.example/embed/channels/3" width="360" height="120" ' +
        'title="Jazz &quot;&lt;Nights&gt;&quot; &amp; Co: now playing" style="border:0" loading="lazy"></iframe>',
    );
  });
});

describe('EmbedSnippet', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the HTML in a labelled field and copies it', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<EmbedSnippet channelId={2} channelName="Blue" />);
    const field = screen.getByLabelText('HTML to paste into your page');
    expect((field as HTMLTextAreaElement).value).toContain(`${window.location.origin}/embed/channels/2"`);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Copied.'));
    expect(writeText).toHaveBeenCalledWith((field as HTMLTextAreaElement).value);
  });

  it('selects the HTML when the clipboard refuses', async () => {
    const writeText = vi.fn().mockRejectedValue(new Error('denied'));
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    render(<EmbedSnippet channelId={2} channelName="Blue" />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('press Ctrl+C'));
  });
});
