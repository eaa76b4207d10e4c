/** The names of the cookies the API reads: part of the wire contract (docs/API.md). */

/** The participant credential: one cookie per call, so a browser can be in several calls at once. */
export const credentialCookieName = (callId: string) => `earshot_${callId.replace(/-/g, "_")}`;

/** next-auth's session cookie: `__Secure-` prefixed when served over HTTPS. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"] as const;
