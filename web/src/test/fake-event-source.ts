import type { EventSourceLike } from '../api/client';
import type { Channel, HistoryItem, WatchMatchEvent } from '../api/types';

type Listener = (event: never) => void;

/** An EventSource the test drives: open it, send events, fail it. */
export class FakeEventSource implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(
    readonly url: string,
    readonly init: EventSourceInit = {},
  ) {}

  addEventListener(type: string, listener: Listener): void {
    const set = this.listeners.get(type) ?? new Set<Listener>();
    set.add(listener);
    this.listeners.set(type, set);
  }

  close(): void {
    this.readyState = 2;
    this.closed = true;
  }

  private dispatch(type: string, event: Event): void {
    for (const listener of this.listeners.get(type) ?? []) (listener as (event: Event) => void)(event);
  }

  open(): void {
    this.readyState = 1;
    this.dispatch('open', new Event('open'));
  }

  send(item: HistoryItem): void {
    this.sendRaw(JSON.stringify(item), String(item.id));
  }

  sendRaw(data: string, lastEventId = ''): void {
    this.dispatch('history', new MessageEvent('history', { data, lastEventId }));
  }

  /** A channel's polling state changed (`event: channel`, no id). */
  sendChannel(channel: Channel): void {
    this.sendChannelRaw(JSON.stringify(channel));
  }

  /** An admin removed a channel (`event: channel` with `"removed": true`). */
  sendChannelRemoved(id: number): void {
    this.sendChannelRaw(JSON.stringify({ id, removed: true }));
  }

  sendChannelRaw(data: string): void {
    this.dispatch('channel', new MessageEvent('channel', { data }));
  }

  /** An airing matched one of the user's watches (`event: watch`, no id). */
  sendWatch(match: WatchMatchEvent): void {
    this.dispatch('watch', new MessageEvent('watch', { data: JSON.stringify(match) }));
  }

  /** The connection dropped; `gaveUp` = the browser will not retry by itself. */
  fail(gaveUp: boolean): void {
    this.readyState = gaveUp ? 2 : 0;
    this.dispatch('error', new Event('error'));
  }
}
