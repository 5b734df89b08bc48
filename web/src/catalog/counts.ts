/** "1 play", "12 plays": a count with its noun, singular for one. */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

export function playsText(count: number): string {
  return countOf(count, 'play');
}
