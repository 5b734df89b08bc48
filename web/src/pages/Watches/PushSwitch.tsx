import { useEffect, useMemo, useState } from 'preact/hooks';
import { useApi } from '../../hooks/use-api';
import { messageOf } from '../../hooks/use-toasts';
import {
  browserPushEnvironment,
  disablePush,
  enablePush,
  isSubscribed,
  pushSupport,
  type PushEnvironment,
} from '../../watches/push-subscription';

type PushState = 'checking' | 'on' | 'off' | 'busy';

/**
 * Push notifications on this device: a switch, or why there is none (no Push API here,
 * notifications blocked for this site).
 */
export function PushSwitch({ environment: given }: { environment?: PushEnvironment }) {
  const api = useApi();
  const environment = useMemo(() => given ?? browserPushEnvironment(), [given]);
  const [support, setSupport] = useState(() => pushSupport(environment));
  const [state, setState] = useState<PushState>('checking');
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (support !== 'available') return;
    let current = true;
    isSubscribed(environment).then(
      (subscribed) => current && setState(subscribed ? 'on' : 'off'),
      () => current && setState('off'),
    );
    return () => {
      current = false;
    };
  }, [environment, support]);

  if (support === 'unsupported')
    return (
      <p class="text-body-secondary push-unsupported">
        This browser cannot receive push notifications; the feed and the alerts in the app still work.
      </p>
    );
  if (support === 'denied')
    return (
      <p class="text-body-secondary push-denied">
        Notifications are blocked for this site. Allow them in your browser’s site settings to turn push on.
      </p>
    );

  const change = async (on: boolean) => {
    setState('busy');
    setFailure(null);
    try {
      if (!on) {
        await disablePush(api, environment);
        setState('off');
      } else if ((await enablePush(api, environment)) === 'subscribed') {
        setState('on');
      } else {
        setSupport(pushSupport(environment));
        setState('off');
      }
    } catch (error) {
      setFailure(messageOf(error));
      setState(on ? 'off' : 'on');
    }
  };

  return (
    <>
      <div class="form-check form-switch">
        <input
          class="form-check-input"
          type="checkbox"
          role="switch"
          id="push-switch"
          checked={state === 'on'}
          disabled={state === 'checking' || state === 'busy'}
          onChange={(event) => void change(event.currentTarget.checked)}
        />
        <label class="form-check-label" for="push-switch">
          Push notifications on this device
        </label>
      </div>
      {failure !== null && (
        <p class="text-danger small mt-1 mb-0" role="alert">
          Push could not be changed: {failure}
        </p>
      )}
    </>
  );
}
