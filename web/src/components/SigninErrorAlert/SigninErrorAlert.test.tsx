import { describe, expect, it } from 'vitest';
import { signinErrorMessage } from './SigninErrorAlert';

describe('signinErrorMessage', () => {
  it('explains the codes the server sends', () => {
    expect(signinErrorMessage('provider_denied')).toBe('Sign-in was cancelled.');
    expect(signinErrorMessage('state_mismatch')).toContain('another tab');
    expect(signinErrorMessage('provider_unreachable')).toContain('could not be reached');
    expect(signinErrorMessage('expired')).toContain('could not be verified');
  });

  it('names an unknown code, but never echoes arbitrary text', () => {
    expect(signinErrorMessage('brand_new_code')).toBe('Sign-in failed (brand_new_code). Please try again.');
    expect(signinErrorMessage('<img src=x> call 555-0100')).toBe('Sign-in failed. Please try again.');
    expect(signinErrorMessage('toString')).toBe('Sign-in failed (toString). Please try again.');
  });
});
