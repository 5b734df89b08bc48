import { useRef, useState } from 'preact/hooks';
import type { ProbeResult } from '../../api/types';
import { useApi } from '../../hooks/use-api';
import {
  accessMessage,
  FORMAT_LABELS,
  FORMATS,
  errorsOf,
  missingFields,
  type ChannelField,
  type ChannelFormValues,
  type FormErrors,
} from './channel-form';

type ProbeState =
  { status: 'idle' } | { status: 'probing' } | { status: 'read'; result: ProbeResult } | { status: 'failed'; reason: string };

interface ChannelFormProps {
  /** Prefix of the controls' ids, unique on the page. */
  id: string;
  initial: ChannelFormValues;
  submitLabel: string;
  /** Saves the values; a rejection is shown by the fields it is about. */
  onSubmit: (values: ChannelFormValues) => Promise<void>;
  onCancel?: () => void;
  /** Whether the form empties itself after a save (adding) or not (editing, which closes). */
  resetAfterSave?: ChannelFormValues;
}

function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <div class="invalid-feedback d-block" id={id}>
      {message}
    </div>
  );
}

/** A channel's name, address and format, with "Test" to read the station once before saving. */
export function ChannelForm({ id, initial, submitLabel, onSubmit, onCancel, resetAfterSave }: ChannelFormProps) {
  const api = useApi();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [probe, setProbe] = useState<ProbeState>({ status: 'idle' });
  const probeAsked = useRef(0);
  const form = useRef<HTMLFormElement>(null);

  const set = (field: ChannelField, value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setErrors((current) => ({ ...current, [field]: undefined, form: undefined }));
    if (field !== 'name') setProbe({ status: 'idle' });
  };

  const focusFirstError = (found: FormErrors) => {
    const field = (['name', 'url', 'format', 'titlePointer'] as const).find((key) => found[key]);
    if (field) form.current?.querySelector<HTMLElement>(`#${id}-${field}`)?.focus();
  };

  const testStation = async () => {
    const missing = missingFields(values);
    if (missing.url || missing.titlePointer) {
      const shown = { url: missing.url, titlePointer: missing.titlePointer };
      setErrors(shown);
      focusFirstError(shown);
      return;
    }
    const asked = ++probeAsked.current;
    setProbe({ status: 'probing' });
    try {
      const result = await api.probeChannel({
        url: values.url.trim(),
        ...(values.format === 'auto' ? {} : { format: values.format }),
        ...(values.format === 'json' ? { title_pointer: values.titlePointer.trim() } : {}),
      });
      if (asked === probeAsked.current) setProbe({ status: 'read', result });
    } catch (error) {
      if (asked === probeAsked.current) setProbe({ status: 'failed', reason: accessMessage(error) });
    }
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const missing = missingFields(values);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      focusFirstError(missing);
      return;
    }
    setSaving(true);
    try {
      await onSubmit(values);
      if (resetAfterSave) {
        setValues(resetAfterSave);
        setProbe({ status: 'idle' });
      }
      setErrors({});
    } catch (error) {
      const found = errorsOf(error);
      setErrors(found);
      focusFirstError(found);
    } finally {
      setSaving(false);
    }
  };

  const control = (field: ChannelField) => ({
    id: `${id}-${field}`,
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${id}-${field}-error` : undefined,
    class: `form-control${errors[field] ? ' is-invalid' : ''}`,
  });

  return (
    <form ref={form} class="channel-form" noValidate onSubmit={(event) => void submit(event)}>
      <div class="row g-2">
        <div class="col-12 col-md-3">
          <label class="form-label" for={`${id}-name`}>
            Name
          </label>
          <input
            {...control('name')}
            type="text"
            maxLength={10}
            autoComplete="off"
            value={values.name}
            onInput={(event) => set('name', event.currentTarget.value)}
          />
          <FieldError id={`${id}-name-error`} message={errors.name} />
        </div>
        <div class="col-12 col-md-5">
          <label class="form-label" for={`${id}-url`}>
            Now-playing address
          </label>
          <input
            {...control('url')}
            type="url"
            inputMode="url"
            autoComplete="off"
            spellcheck={false}
            value={values.url}
            onInput={(event) => set('url', event.currentTarget.value)}
          />
          <FieldError id={`${id}-url-error`} message={errors.url} />
        </div>
        <div class="col-12 col-md-4">
          <label class="form-label" for={`${id}-format`}>
            Format
          </label>
          <select
            {...control('format')}
            class={`form-select${errors.format ? ' is-invalid' : ''}`}
            value={values.format}
            onChange={(event) => set('format', event.currentTarget.value)}
          >
            {FORMATS.map((format) => (
              <option key={format} value={format}>
                {FORMAT_LABELS[format]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-format-error`} message={errors.format} />
        </div>
        {values.format === 'json' && (
          <div class="col-12">
            <label class="form-label" for={`${id}-titlePointer`}>
              Title pointer
            </label>
            <input
              {...control('titlePointer')}
              type="text"
              autoComplete="off"
              spellcheck={false}
              placeholder="/now_playing/song/text"
              value={values.titlePointer}
              onInput={(event) => set('titlePointer', event.currentTarget.value)}
            />
            <div class="form-text">Where the title is in the answer, as a JSON pointer.</div>
            <FieldError id={`${id}-titlePointer-error`} message={errors.titlePointer} />
          </div>
        )}
      </div>

      <div class="probe-result mt-2" role="status" aria-live="polite">
        {probe.status === 'probing' && (
          <span class="text-body-secondary">
            <span class="spinner-border spinner-border-sm me-1" aria-hidden="true" />
            Reading the station…
          </span>
        )}
        {probe.status === 'read' && (
          <span class="text-success-emphasis">
            Read it: format {FORMAT_LABELS[probe.result.format] ?? probe.result.format}, playing “{probe.result.title}”.
          </span>
        )}
        {probe.status === 'failed' && <span class="text-danger">Could not read it: {probe.reason}</span>}
      </div>
      {errors.form && (
        <div class="alert alert-danger mt-2 mb-0 py-2" role="alert">
          {errors.form}
        </div>
      )}

      <div class="d-flex flex-wrap gap-2 mt-2">
        <button type="button" class="btn btn-outline-secondary" disabled={probe.status === 'probing'} onClick={() => void testStation()}>
          Test
        </button>
        <button type="submit" class="btn btn-primary" disabled={saving}>
          {saving ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" class="btn btn-link" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
