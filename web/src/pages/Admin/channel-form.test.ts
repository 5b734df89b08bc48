import { describe, expect, it } from 'vitest';
import { HttpError, NetworkError, ValidationError } from '../../api/errors';
import { changesOf, draftOf, errorsOf, formOf, missingFields } from './channel-form';

const channel = { id: 4, name: 'jazz', url: 'http://s/jazz', format: 'voscast' as const, title_pointer: '' };

describe('channel form values', () => {
  it('sends the title pointer for json only, trimmed', () => {
    expect(draftOf({ name: ' jazz ', url: ' http://s/j ', format: 'auto', titlePointer: '/x' })).toEqual({
      name: 'jazz',
      url: 'http://s/j',
      format: 'auto',
    });
    expect(draftOf({ name: 'j', url: 'u', format: 'json', titlePointer: ' /now/title ' }).title_pointer).toBe('/now/title');
  });

  it('patches only what changed', () => {
    expect(changesOf(channel, formOf(channel))).toEqual({});
    expect(changesOf(channel, { ...formOf(channel), url: 'http://s/other' })).toEqual({ url: 'http://s/other' });
    expect(changesOf(channel, { ...formOf(channel), format: 'json', titlePointer: '/t' })).toEqual({ format: 'json', title_pointer: '/t' });
  });

  it('reads a channel from an original server (no format) as auto', () => {
    expect(formOf({ id: 1, name: 'red', url: 'u' })).toEqual({ name: 'red', url: 'u', format: 'auto', titlePointer: '' });
  });

  it('says what is missing before asking the server', () => {
    expect(missingFields({ name: ' ', url: '', format: 'json', titlePointer: '' })).toEqual({
      name: 'Give the channel a name.',
      url: 'Give the address of its now-playing source.',
      titlePointer: 'JSON sources need a title pointer.',
    });
    expect(missingFields(formOf(channel))).toEqual({});
  });
});

describe('errorsOf', () => {
  it('puts 422 messages by the fields they are about, the rest on the form', () => {
    const error = new ValidationError({ body: { name: ['Too long.'], title_pointer: ['Not a pointer.'], _schema: ['Send something.'] } });
    expect(errorsOf(error)).toEqual({ name: 'Too long.', titlePointer: 'Not a pointer.', form: 'Send something.' });
  });

  it('puts a taken name (409) on the name', () => {
    expect(errorsOf(new HttpError("A channel named 'jazz' exists already.", 409))).toEqual({
      name: "A channel named 'jazz' exists already.",
    });
  });

  it('says why a refusal that is about who asks happened', () => {
    expect(errorsOf(new HttpError('Only admins may manage channels.', 403))).toEqual({ form: 'Only admins may manage channels.' });
    expect(errorsOf(new HttpError('Please sign in.', 401)).form).toMatch(/signed out/);
    expect(errorsOf(new NetworkError()).form).toMatch(/could not be reached/);
    expect(errorsOf(new Error('x')).form).toMatch(/Something went wrong/);
  });
});
