import { useRef, useState } from 'preact/hooks';
import { embedSnippet } from './embed-snippet';

interface Props {
  channelId: number;
  channelName: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

// "Embed this channel": the iframe HTML for another site, with a copy button.
export function EmbedSnippet({ channelId, channelName }: Props) {
  const snippet = embedSnippet(window.location.origin, channelId, channelName);
  const field = useRef<HTMLTextAreaElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');

  const copySnippet = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setCopy('copied');
    } catch {
      // No clipboard access (an insecure origin, a denied permission): select it for the user.
      field.current?.select();
      setCopy('failed');
    }
  };

  const fieldId = `embed-snippet-${channelId}`;
  return (
    <details class="embed-snippet mb-3">
      <summary>Embed {channelName} on your site</summary>
      <label class="form-label small mt-2" for={fieldId}>
        HTML to paste into your page
      </label>
      <textarea id={fieldId} ref={field} class="form-control font-monospace small" rows={3} readOnly value={snippet} />
      <div class="d-flex align-items-center gap-2 mt-2">
        <button type="button" class="btn btn-outline-secondary btn-sm" onClick={() => void copySnippet()}>
          Copy
        </button>
        <span class="small text-body-secondary" role="status">
          {copy === 'copied' ? 'Copied.' : copy === 'failed' ? 'Selected: press Ctrl+C to copy.' : ''}
        </span>
      </div>
    </details>
  );
}
