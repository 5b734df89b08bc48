import { screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { artistDetail } from '../../test/fixtures';
import { renderApp, standardBackend } from '../../test/render-app';

describe('artist page', () => {
  it('lists the songs with their plays, each linked to its page', async () => {
    renderApp(
      standardBackend({
        catalog: (request) => (request.url.pathname === '/artists/3' ? { body: artistDetail(3, { name: 'Sigur Rós' }) } : undefined),
      }),
      '/artists/3',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Sigur Rós' })).toBeInTheDocument();
    expect(screen.getByText('2 songs, 5 plays')).toBeInTheDocument();
    const list = screen.getByRole('list', { name: 'Songs by Sigur Rós, most played first' });
    const rows = within(list).getAllByRole('listitem');
    expect(within(rows[0]!).getByRole('link', { name: 'First' })).toHaveAttribute('href', '/songs/11');
    expect(rows[0]).toHaveTextContent('4 plays');
    expect(rows[1]).toHaveTextContent('1 play');
  });

  it('says when the artist does not exist', async () => {
    renderApp(standardBackend(), '/artists/4');
    expect(await screen.findByRole('heading', { name: 'Artist not found' })).toBeInTheDocument();
  });
});
