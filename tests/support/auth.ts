import type { TestServer } from "./server";

/** Cookies as a browser would keep them: name → value, from Set-Cookie headers. */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The client address this "browser" claims through X-Forwarded-For (the test server trusts the proxy header). */
  constructor(readonly address = `198.51.100.${Math.floor(Math.random() * 250) + 1}`) {}
  store(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const i = pair!.indexOf("=");
      this.cookies.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

export async function signUp(server: TestServer, user: { email: string; password: string; name: string }, address = "203.0.113.1") {
  const res = await fetch(`${server.url}/api/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(user),
  });
  return { status: res.status, body: await res.json() };
}

/** Signs in through next-auth's credentials flow, as the sign-in page does. Returns whether a session was set. */
export async function signIn(server: TestServer, jar: CookieJar, email: string, password: string): Promise<{ ok: boolean; url: string }> {
  const csrfRes = await fetch(`${server.url}/api/auth/csrf`, { headers: { cookie: jar.header(), "x-forwarded-for": jar.address } });
  jar.store(csrfRes);
  const { csrfToken } = await csrfRes.json();
  const res = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), "x-forwarded-for": jar.address },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  jar.store(res);
  const url = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return { ok: [...jar.cookies.keys()].some((k) => k.endsWith("next-auth.session-token")) && !url.includes("error="), url };
}

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${counter++}@example.test`;
