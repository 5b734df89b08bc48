// What the server's `signin_error` codes (auth::SignInError) mean to a person.
const CANCELLED = 'Sign-in was cancelled.';
const RESTART = 'Sign-in took too long or was started in another tab. Please try again.';
const PROVIDER_DOWN = 'The sign-in service could not be reached. Please try again later.';
const NOT_VERIFIED = 'Your sign-in could not be verified. Please try again.';
const UNAVAILABLE = 'Sign-in is not available right now. Please try again later.';

const MESSAGES: Record<string, string> = {
  provider_denied: CANCELLED,
  access_denied: CANCELLED,
  state_mismatch: RESTART,
  missing_code: RESTART,
  provider_unreachable: PROVIDER_DOWN,
  discovery_failed: PROVIDER_DOWN,
  issuer_mismatch: PROVIDER_DOWN,
  token_exchange_failed: PROVIDER_DOWN,
  jwks_unavailable: PROVIDER_DOWN,
  malformed: NOT_VERIFIED,
  unsupported_algorithm: NOT_VERIFIED,
  unknown_key: NOT_VERIFIED,
  bad_signature: NOT_VERIFIED,
  wrong_issuer: NOT_VERIFIED,
  wrong_audience: NOT_VERIFIED,
  wrong_authorized_party: NOT_VERIFIED,
  expired: NOT_VERIFIED,
  issued_in_future: NOT_VERIFIED,
  not_yet_valid: NOT_VERIFIED,
  nonce_mismatch: NOT_VERIFIED,
  missing_subject: NOT_VERIFIED,
  unavailable: UNAVAILABLE,
  not_configured: UNAVAILABLE,
};

/** Only a code-shaped value is echoed back: the URL is anyone's to write. */
const CODE_SHAPE = /^[a-z0-9_]{1,64}$/i;

export function signinErrorMessage(code: string): string {
  if (Object.hasOwn(MESSAGES, code)) return MESSAGES[code]!;
  return CODE_SHAPE.test(code) ? `Sign-in failed (${code}). Please try again.` : 'Sign-in failed. Please try again.';
}

/** Why the last sign-in failed, until dismissed. */
export function SigninErrorAlert({ code, onDismiss }: { code: string; onDismiss: () => void }) {
  return (
    <div class="alert alert-warning alert-dismissible mt-3" role="alert">
      {signinErrorMessage(code)}
      <button type="button" class="btn-close" aria-label="Dismiss sign-in error" onClick={onDismiss} />
    </div>
  );
}
