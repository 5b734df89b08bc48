import type { Channel } from '../../api/types';

interface ChannelFilterProps {
  channels: readonly Channel[];
  /** null = all channels. */
  selected: number | null;
  onSelect: (channelId: number | null) => void;
  /** The group's accessible name. */
  label?: string;
}

/** All, then one toggle per channel; the pressed one is the filter. */
export function ChannelFilter({ channels, selected, onSelect, label = 'Filter history by channel' }: ChannelFilterProps) {
  const options: { id: number | null; label: string }[] = [
    { id: null, label: 'All' },
    ...channels.map((channel) => ({ id: channel.id, label: channel.name })),
  ];
  return (
    <div class="btn-group flex-wrap channel-filter" role="group" aria-label={label}>
      {options.map((option) => {
        const pressed = option.id === selected;
        return (
          <button
            key={option.id ?? 'all'}
            type="button"
            class={`btn btn-sm ${pressed ? 'btn-dark' : 'btn-outline-dark'}`}
            aria-pressed={pressed}
            onClick={() => onSelect(option.id)}
          >
            {option.label}
          </button>
        );
      })}
    </div>
  );
}
