import type { Prng } from './Prng';

const DOMAIN = 'contoso.onmicrosoft.com';

/**
 * The first users are fixed so that even a tiny tenant exercises escaping: `'` (doubled in OData), `%`,
 * `&`, `#`, `+` (which must be percent-encoded in a query), spaces and non-ASCII letters. Guests carry
 * Entra's `#EXT#` user principal names.
 */
const SPECIAL_USERS = [
  { displayName: "Zoë O'Brien", local: "zoe.o'brien", userType: 'member' },
  { displayName: 'Ana María & Co', local: 'ana.maria.co', userType: 'member' },
  { displayName: '50% #1 + more', local: '50pct#1.more', userType: 'member' },
  { displayName: "Renée d'Arc", local: "renee.d'arc_fabrikam.com#EXT#", userType: 'guest' },
  { displayName: 'Łukasz Żółć', local: 'lukasz.zolc', userType: 'member' },
  { displayName: 'Søren Ørsted-Ñúñez', local: 'soren.orsted-nunez', userType: 'member' },
] as const;

const FIRST_NAMES = [
  'Adele', 'Alex', 'Megan', 'Lee', 'Diego', 'Isaiah', 'Grady', 'Johanna', 'Lidia', 'Lynne', 'Miriam', 'Nestor',
  'Patti', 'Pradeep', 'Joni', 'Henrietta', 'Irvin', 'Christie', 'Zoë', 'José', 'Chloé', 'Björn', 'Siobhán',
  'François', 'Mårten', 'Aoife', 'Ana María', 'Renée', 'Jürgen', 'Øystein',
];
const LAST_NAMES = [
  'Vance', 'Wilber', 'Bowen', 'Pisani', 'Deyoung', 'Gonzales', 'Holt', 'Archer', 'Brown', 'Wright', 'Lozano',
  "O'Brien", "D'Angelo", 'Müller', 'García', 'Hernández', 'Ødegaard', 'Kowalski', 'Nakamura', 'Smith',
  "O'Neil-Ryan", 'Lefèvre', 'Åberg', 'Núñez',
];
const GUEST_DOMAINS = ['fabrikam.com', 'gmail.com', 'northwind.example', 'outlook.com'];

interface UserIdentity {
  displayName: string;
  userPrincipalName: string;
  userType: 'member' | 'guest';
}

/** Keeps what a user principal name may hold: ASCII letters, digits and `'`, `.`, `-`, `_`. */
function slug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[łŁ]/g, 'l')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/\s+/g, '.')
    .replace(/[^a-z0-9'._-]/g, '');
}

/** Who user number `index` is; the specials first, then generated names made unique by their index. */
export function userIdentity(index: number, prng: Prng): UserIdentity {
  const special = SPECIAL_USERS[index];
  if (special) {
    return { displayName: special.displayName, userPrincipalName: `${special.local}@${DOMAIN}`, userType: special.userType };
  }
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  const local = `${slug(first)}.${slug(last)}${index}`;
  if (prng.chance(0.12)) {
    const home = prng.pick(GUEST_DOMAINS);
    return { displayName: `${first} ${last}`, userPrincipalName: `${local}_${home}#EXT#@${DOMAIN}`, userType: 'guest' };
  }
  return { displayName: `${first} ${last}`, userPrincipalName: `${local}@${DOMAIN}`, userType: 'member' };
}
