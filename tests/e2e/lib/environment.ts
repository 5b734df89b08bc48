// What `run` started, as it tells the tests through the environment.

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: start the suite with tests/e2e/run, which sets it`);
  }
  return value;
}

export const environment = {
  /** The nicecream server under test, e.g. http://127.0.0.1:40123 (no trailing slash). */
  appUrl: required('NICECREAM_E2E_URL'),
  /** The station emulator the channels point at; station names are the channel names. */
  emulatorUrl: required('NICECREAM_E2E_EMULATOR_URL'),
  /** The test OpenID provider the server signs in with. */
  issuer: required('NICECREAM_TEST_OIDC_ISSUER'),
  /** Where screenshots go (git-ignored). */
  artifacts: required('NICECREAM_E2E_ARTIFACTS'),
  /** The channels `run` created, in order, and how many older items each was seeded with. */
  channelNames: required('NICECREAM_E2E_CHANNELS').split(','),
  seededPerChannel: Number(required('NICECREAM_E2E_SEEDED_PER_CHANNEL')),
};

export interface Account {
  login: string;
  password: string;
  /** The name the header shows once signed in. */
  name: string;
  /** What stands in for the picture when it cannot be shown. */
  initial: string;
}

/**
 * The test provider's default account (tests/support/oidc/accounts.mjs): its claims are the
 * contract's example user.
 */
export const defaultAccount: Account = { login: 'test-user', password: 'any password', name: 'Ada Lovelace', initial: 'A' };

/**
 * An account nobody else uses: the provider takes any login name, so bookmarks made under it are
 * this scenario's alone (the same scenario on another run gets another name).
 */
export function freshAccount(label: string): Account {
  const login = `${label}-${process.pid}-${Date.now().toString(36)}`;
  return { login, password: 'any password', name: `${login} Tester`, initial: login.charAt(0).toUpperCase() };
}

/** The account `run` names in API_ADMINS (by its subject, the login name): it may manage channels. */
export const adminAccount: Account = { login: 'e2e-admin', password: 'any password', name: 'e2e-admin Tester', initial: 'E' };
