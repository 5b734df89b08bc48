// What the server's `signin_error` codes mean to a person; anything else gets the generic text.
const MESSAGES: Record<string, string> = {
  access_denied: 'Sign-in was cancelled.',
  unavailable: 'Sign-in is not available right now. Please try again later.',
  not_configured: 'Sign-in is not available on this server.',
  invalid_state: 'Sign-in took too long or was started in another tab. Please try again.',
  state_mismatch: 'Sign-in took too long or was started in another tab. Please try again.',
};

export function signinErrorMessage(code: string): string {
  return MESSAGES[code] ?? `Sign-in failed (${code}). Please try again.`;
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
