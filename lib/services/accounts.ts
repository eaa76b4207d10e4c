import type { SignUpBody, UserDto } from "../contracts/accounts";
import { AppError } from "../domain/errors";
import type { Deps } from "./deps";
import { addressKey, enforce, type Limiter } from "./limits";
import type { UserRecord } from "./ports";
import { displayNameOf } from "./visitors";

/** Password hashing is injected: lib/auth/passwords.ts (scrypt). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string | null): Promise<boolean>;
}

export type AccountDeps = Pick<Deps, "users"> & {
  passwords: PasswordHasher;
  signInLimits: {
    /** Per (email, address) pair: one place guessing one account's password. */
    pair: Limiter;
    /** Per email and per address, higher: wide guessing, without letting an attacker elsewhere lock the owner out. */
    ceiling: Limiter;
  };
  adminEmails: ReadonlySet<string>;
};

export function userDto(u: UserRecord, adminEmails: ReadonlySet<string>): UserDto {
  return {
    id: u.id,
    email: u.email,
    name: displayNameOf(u),
    isSiteAdmin: u.email !== null && adminEmails.has(u.email),
    hasPassword: u.passwordHash !== null,
  };
}

/** The signed-in user's own account, as shown to them. */
export async function myAccount(deps: AccountDeps, userId: string): Promise<UserDto> {
  const user = await deps.users.findUser(userId);
  if (!user || user.disabledAt) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return userDto(user, deps.adminEmails);
}

export async function signUp(deps: AccountDeps, body: SignUpBody, address: string): Promise<UserDto> {
  await enforce(deps.signInLimits.pair, [`signup:${addressKey(address)}`], TOO_MANY);
  const user = await deps.users.createUser({ email: body.email, name: body.name, passwordHash: await deps.passwords.hash(body.password) });
  // Saying "taken" reveals that an account exists; sign-up has to, sign-in never does.
  if (!user) throw new AppError("EMAIL_TAKEN", "An account with that email already exists; sign in instead.");
  return userDto(user, deps.adminEmails);
}

/**
 * Checks an email and password. Limited per (email, address) pair, and per
 * email and per address with a higher ceiling: guessing from one place stops
 * there, while the owner, signing in from elsewhere, still can. Any failure is
 * the same null, so nobody learns whether an email has an account.
 */
export async function authenticate(deps: AccountDeps, email: string, password: string, address: string): Promise<UserRecord | null> {
  await enforce(deps.signInLimits.pair, [`${addressKey(address)}|e:${email}`], TOO_MANY);
  await enforce(deps.signInLimits.ceiling, [`e:${email}`, addressKey(address)], TOO_MANY);
  const user = await deps.users.findUserByEmail(email);
  const ok = await deps.passwords.verify(password, user?.passwordHash ?? null);
  return ok && user && !user.disabledAt ? user : null;
}

export async function updateProfile(deps: AccountDeps, userId: string, name: string): Promise<UserDto> {
  return userDto(await deps.users.updateUser(userId, { name }), deps.adminEmails);
}

export async function changePassword(deps: AccountDeps, userId: string, current: string, next: string): Promise<void> {
  const user = await deps.users.findUser(userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  if (user.passwordHash && !(await deps.passwords.verify(current, user.passwordHash))) {
    throw new AppError("FORBIDDEN", "Your current password is not right.");
  }
  await deps.users.updateUser(userId, { passwordHash: await deps.passwords.hash(next) });
}

const TOO_MANY = "Too many attempts; wait a minute and try again.";

/** Site admins are the accounts whose email is in ADMIN_EMAILS; nobody is one by default. */
export async function isSiteAdmin(deps: Pick<AccountDeps, "users" | "adminEmails">, userId: string): Promise<boolean> {
  const user = await deps.users.findUser(userId);
  return user?.email != null && deps.adminEmails.has(user.email) && !user.disabledAt;
}
