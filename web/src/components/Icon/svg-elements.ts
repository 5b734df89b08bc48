// Turns an icon's SVG markup into plain element descriptions at load time, so
// icons render as ordinary elements: no innerHTML, nothing parsed per render.

export interface SvgElement {
  tag: string;
  attributes: Record<string, string>;
}

export interface SvgIcon {
  viewBox: string;
  elements: SvgElement[];
}

const ELEMENT = /<(path|circle|rect|ellipse|line|polyline|polygon)\b([^>]*?)\/?>/g;
const ATTRIBUTE = /([a-zA-Z][\w:-]*)="([^"]*)"/g;

export function parseSvgIcon(svg: string): SvgIcon {
  const viewBox = /<svg\b[^>]*\bviewBox="([^"]+)"/.exec(svg)?.[1] ?? '0 0 16 16';
  const elements: SvgElement[] = [];
  for (const [, tag, attributeText] of svg.matchAll(ELEMENT)) {
    const attributes: Record<string, string> = {};
    for (const [, name, value] of (attributeText ?? '').matchAll(ATTRIBUTE)) {
      if (name !== undefined && value !== undefined) attributes[name] = value;
    }
    if (tag !== undefined) elements.push({ tag, attributes });
  }
  return { viewBox, elements };
}
