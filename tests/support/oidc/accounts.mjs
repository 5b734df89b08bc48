// The people who can sign in. The login form accepts any login name with any non-empty
// password; the name becomes the subject (`sub`). Two names are special, for the claim
// fallbacks: `nameless` has only `name` and `email`, `email-only` has only `email`. Every e-mail
// is verified (`email_verified`, as Google sends it) except those of names starting `unverified`
// (API_ADMINS counts verified addresses only).
const special = {
  nameless: { name: 'Grace Brewster Hopper', email: 'grace@example.test' },
  'email-only': { email: 'emailonly@example.test' },
};

export const defaultAccount = {
  sub: 'test-user',
  given_name: 'Ada',
  family_name: 'Lovelace',
  picture: 'http://127.0.0.1/pictures/ada.png',
};

function profileFor(sub) {
  if (sub in special) {
    return { sub, ...special[sub] };
  }
  if (sub === defaultAccount.sub) {
    return { ...defaultAccount, name: 'Ada Lovelace', email: 'ada@example.test' };
  }
  return {
    sub,
    given_name: sub,
    family_name: 'Tester',
    name: `${sub} Tester`,
    picture: `http://127.0.0.1/pictures/${encodeURIComponent(sub)}.png`,
    email: `${sub}@example.test`,
    email_verified: !sub.startsWith('unverified'),
  };
}

// oidc-provider's findAccount: any id is an account.
export async function findAccount(_ctx, id) {
  return {
    accountId: id,
    async claims() {
      return profileFor(id);
    },
  };
}
