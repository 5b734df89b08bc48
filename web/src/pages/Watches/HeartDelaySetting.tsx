import { useState } from 'preact/hooks';
import { MAX_HEART_DELAY_SECONDS } from '../../history/heart-delay';
import { useHeartDelay } from '../../hooks/use-heart-delay';

/** The delay-aware heart's setting: how long after a change the heart asks "this one or the one before?". */
export function HeartDelaySetting() {
  const [seconds, setSeconds] = useHeartDelay();
  const [draft, setDraft] = useState(String(seconds));
  const [saved, setSaved] = useState(false);
  const valid = /^\d{1,3}$/.test(draft.trim()) && Number(draft) <= MAX_HEART_DELAY_SECONDS;
  return (
    <form
      class="heart-delay-setting"
      onSubmit={(event) => {
        event.preventDefault();
        if (!valid) return;
        setSeconds(Number(draft));
        setSaved(true);
      }}
    >
      <label class="form-label" for="heart-delay">
        Stream delay (seconds)
      </label>
      <div class="d-flex flex-wrap align-items-start gap-2">
        <input
          id="heart-delay"
          class={`form-control w-auto${valid ? '' : ' is-invalid'}`}
          type="number"
          inputMode="numeric"
          min={0}
          max={MAX_HEART_DELAY_SECONDS}
          step={1}
          value={draft}
          aria-describedby="heart-delay-help"
          aria-invalid={!valid}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setSaved(false);
          }}
        />
        <button type="submit" class="btn btn-outline-dark">
          Save
        </button>
        <span class="align-self-center small text-body-secondary" role="status">
          {saved ? `Saved: ${seconds === 0 ? 'the heart never asks' : `${seconds} s`}.` : ''}
        </span>
      </div>
      <p id="heart-delay-help" class="form-text">
        You hear a station some seconds after its title changes. When you press the heart on a “Now playing” card within this time of a
        change, you are asked whether you meant the song before. 0 turns this off; at most {MAX_HEART_DELAY_SECONDS}. Kept in this browser.
      </p>
    </form>
  );
}
