import { ICONS, type IconName } from './icons';

interface SvgParts {
  viewBox: string;
  body: string;
}

function svgParts(svg: string): SvgParts {
  const viewBox = /viewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 16 16';
  const body = svg.replace(/^[\s\S]*?<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  return { viewBox, body };
}

const PARTS = Object.fromEntries(
  Object.entries(ICONS).map(([name, svg]) => [name, svgParts(svg)]),
) as Record<IconName, SvgParts>;

/** A decorative inline SVG icon; the control it sits in carries the text or aria-label. */
export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  const { viewBox, body } = PARTS[name];
  return (
    <svg
      class={`icon${className ? ` ${className}` : ''}`}
      viewBox={viewBox}
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
      dangerouslySetInnerHTML={{ __html: body }}
    />
  );
}
