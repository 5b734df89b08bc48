import { h } from 'preact';
import { ICONS, type IconName } from './icons';
import { parseSvgIcon, type SvgIcon } from './svg-elements';

const PARSED = Object.fromEntries(Object.entries(ICONS).map(([name, svg]) => [name, parseSvgIcon(svg)])) as Record<IconName, SvgIcon>;

/** A decorative inline SVG icon; the control it sits in carries the text or aria-label. */
export function Icon({ name, class: className }: { name: IconName; class?: string }) {
  const { viewBox, elements } = PARSED[name];
  return (
    <svg
      class={`icon${className ? ` ${className}` : ''}`}
      viewBox={viewBox}
      width="1em"
      height="1em"
      fill="currentColor"
      aria-hidden="true"
      focusable="false"
    >
      {elements.map((element, index) => h(element.tag, { key: index, ...element.attributes }))}
    </svg>
  );
}
