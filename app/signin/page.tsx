import { appContext } from "@/lib/context";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { SitePage } from "@/components/account/site-page";
import { oauthProviders } from "@/lib/adapters/auth-options";
import { currentUser } from "@/lib/adapters/page-session";
import { safeCallbackUrl } from "@/lib/domain/callback-url";

export const metadata: Metadata = { title: "Sign in · Earshot" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? params.error : null;
  return (
    <SitePage user={null} current="signin" width="narrow">
      <SignInForm callbackUrl={callbackUrl} providers={oauthProviders(appContext().authOptions)} initialError={error} />
    </SitePage>
  );
}
