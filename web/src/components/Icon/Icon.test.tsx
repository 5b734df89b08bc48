import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Icon } from './Icon';
import { ICONS, type IconName } from './icons';
import { parseSvgIcon } from './svg-elements';

describe('icons', () => {
  it.each(Object.keys(ICONS) as IconName[])('%s has a view box and drawable elements', (name) => {
    const icon = parseSvgIcon(ICONS[name]);
    expect(icon.viewBox).toBe('0 0 16 16');
    expect(icon.elements.length).toBeGreaterThan(0);
    for (const element of icon.elements) expect(Object.keys(element.attributes).length).toBeGreaterThan(0);
  });

  it('reads every element and attribute of an SVG', () => {
    const icon = parseSvgIcon(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path fill-rule="evenodd" d="M1 1h2"/><circle cx="8" cy="8" r="2"/></svg>',
    );
    expect(icon).toEqual({
      viewBox: '0 0 24 24',
      elements: [
        { tag: 'path', attributes: { 'fill-rule': 'evenodd', d: 'M1 1h2' } },
        { tag: 'circle', attributes: { cx: '8', cy: '8', r: '2' } },
      ],
    });
  });

  it('renders a hidden, unfocusable SVG', () => {
    const { container } = render(<Icon name="heart" class="me-1" />);
    const svg = container.querySelector('svg')!;
    expect(svg).toHaveAttribute('aria-hidden', 'true');
    expect(svg).toHaveAttribute('focusable', 'false');
    expect(svg).toHaveAttribute('class', 'icon me-1');
    expect(svg.querySelector('path')?.getAttribute('d')).toMatch(/^m8 2\.748/);
  });
});
