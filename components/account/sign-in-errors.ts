/** next-auth's error codes (the ?error= of the sign-in page, or signIn's answer), as sentences. */
const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account. Check both and try again.",
  RATE_LIMITED: "Too many sign-in attempts. Wait a minute, then try again.",
  OAuthAccountNotLinked: "That email already has an Earshot account. Sign in the way you did before, for example with your email and password.",
  AccessDenied: "Sign-in was refused. If your account was disabled, ask the site's administrator.",
  SessionRequired: "Please sign in to see that page.",
  Configuration: "Sign-in is not set up correctly on this server. Tell the site's administrator.",
};

export function signInErrorMessage(code: string): string {
  return MESSAGES[code] ?? "Signing in did not work. Please try again.";
}
