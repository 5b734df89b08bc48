import { ApiError, ValidationError } from '../../api/errors';
import { CHANNEL_FORMATS, type Channel, type ChannelChange, type ChannelDraft, type ChannelFormat } from '../../api/types';

// The admin's channel form as plain values: what it starts from, what it sends,
// and the server's refusals placed next to the fields they are about.

export interface ChannelFormValues {
  name: string;
  url: string;
  format: ChannelFormat;
  titlePointer: string;
}

export type ChannelField = 'name' | 'url' | 'format' | 'titlePointer';

/** Messages by field, and `form` for those about no one field. */
export type FormErrors = Partial<Record<ChannelField | 'form', string>>;

export const FORMAT_LABELS: Record<ChannelFormat, string> = {
  auto: 'Detect automatically',
  voscast: 'Voscast',
  icecast: 'Icecast (status-json)',
  shoutcast2: 'SHOUTcast v2',
  shoutcast1: 'SHOUTcast v1',
  icy: 'ICY metadata in the stream',
  json: 'JSON (with a title pointer)',
};

export const FORMATS = CHANNEL_FORMATS;

export const EMPTY_FORM: ChannelFormValues = { name: '', url: '', format: 'auto', titlePointer: '' };

export function formOf(channel: Channel): ChannelFormValues {
  return { name: channel.name, url: channel.url, format: channel.format ?? 'auto', titlePointer: channel.title_pointer ?? '' };
}

/** What POST /channels gets: the title pointer only for json. */
export function draftOf(values: ChannelFormValues): ChannelDraft {
  const draft: ChannelDraft = { name: values.name.trim(), url: values.url.trim(), format: values.format };
  if (values.format === 'json') draft.title_pointer = values.titlePointer.trim();
  return draft;
}

/** What PATCH /channels/{id} gets: only the fields that differ from `channel`. */
export function changesOf(channel: Channel, values: ChannelFormValues): ChannelChange {
  const before = draftOf(formOf(channel));
  const after = draftOf(values);
  const change: ChannelChange = {};
  if (after.name !== before.name) change.name = after.name;
  if (after.url !== before.url) change.url = after.url;
  if (after.format !== before.format) change.format = after.format;
  if (after.format === 'json' && after.title_pointer !== before.title_pointer) change.title_pointer = after.title_pointer ?? '';
  return change;
}

const SERVER_FIELDS: Record<string, ChannelField> = { name: 'name', url: 'url', format: 'format', title_pointer: 'titlePointer' };

/** The server's refusal of a save, by field: 422 field messages, 409 (a name taken) on the name, anything else for the form. */
export function errorsOf(error: unknown): FormErrors {
  if (error instanceof ValidationError) {
    const errors: FormErrors = {};
    for (const [location, byField] of Object.entries(error.fields)) {
      for (const [field, messages] of Object.entries(byField ?? {})) {
        const key = location === 'body' ? (SERVER_FIELDS[field] ?? 'form') : 'form';
        const text = (messages ?? []).join(' ');
        errors[key] = errors[key] ? `${errors[key]} ${text}` : text;
      }
    }
    return errors;
  }
  if (error instanceof ApiError && error.status === 409) return { name: error.message };
  return { form: accessMessage(error) };
}

/** Words for a refusal that is about who asks rather than what they sent. */
export function accessMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'You are signed out. Sign in again to manage channels.';
    return error.message;
  }
  return 'Something went wrong. Please try again.';
}

/** Whether the form can be sent: what the browser would also check, said before asking the server. */
export function missingFields(values: ChannelFormValues): FormErrors {
  const errors: FormErrors = {};
  if (values.name.trim() === '') errors.name = 'Give the channel a name.';
  if (values.url.trim() === '') errors.url = 'Give the address of its now-playing source.';
  if (values.format === 'json' && values.titlePointer.trim() === '') errors.titlePointer = 'JSON sources need a title pointer.';
  return errors;
}
