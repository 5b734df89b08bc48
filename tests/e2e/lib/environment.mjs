// What `run` started, as it tells the tests through the environment.

function required(name) {
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

/** The test provider's account everyone signs in as (tests/support/oidc/accounts.mjs). */
export const account = { login: 'test-user', password: 'any password', name: 'Ada Lovelace', initial: 'A' };
